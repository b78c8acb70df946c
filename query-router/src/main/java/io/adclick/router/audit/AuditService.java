package io.adclick.router.audit;

import static java.util.Objects.requireNonNull;

import io.adclick.router.api.ApiException;
import io.adclick.router.auth.Caller;
import io.adclick.router.invoice.Invoice;
import io.adclick.router.invoice.InvoiceLine;
import io.adclick.router.invoice.InvoiceStore;
import io.adclick.router.trino.Sql;
import io.adclick.router.trino.TruthDatabase;
import io.adclick.router.trino.TruthState;
import io.adclick.schemas.table.ClickDecisions;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The audit trail: from an invoice line to the truth partitions, job runs and raw snapshots behind
 * it and the clicks removed; from a line to its click events and their decisions; from an
 * {@code event_id} to the raw event, its decision and the data file holding it.
 */
@Singleton
public final class AuditService {
    private final TruthDatabase database;
    private final TruthState truth;
    private final InvoiceStore invoices;

    public AuditService(TruthDatabase database, TruthState truth, InvoiceStore invoices) {
        this.database = requireNonNull(database, "database is null");
        this.truth = requireNonNull(truth, "truth is null");
        this.invoices = requireNonNull(invoices, "invoices is null");
    }

    /** An invoice line and the invoice that holds it. */
    private record LineOf(Invoice invoice, InvoiceLine line) {}

    private LineOf line(String lineId, Caller caller) {
        Invoice invoice = invoices.byLine(lineId)
                .orElseThrow(() -> ApiException.notFound(
                        "No invoice line %s: line ids come from GET /v1/invoices".formatted(lineId)));
        caller.requireOwns(invoice.advertiserId());
        InvoiceLine line = invoice.lines().stream()
                .filter(l -> l.lineId().equals(lineId))
                .findFirst()
                .orElseThrow();
        return new LineOf(invoice, line);
    }

    /** {@code GET /v1/audit/lines/{line_id}}. */
    public Map<String, Object> lineage(String lineId, Caller caller) {
        LineOf found = line(lineId, caller);
        Invoice invoice = found.invoice();
        String where =
                " WHERE advertiser_id = ? AND campaign_id = ? AND day >= CAST(? AS date) AND day < CAST(? AS date)";
        List<Object> parameters = List.of(
                invoice.advertiserId(),
                found.line().campaignId(),
                invoice.month().atDay(1).toString(),
                invoice.month().plusMonths(1).atDay(1).toString());
        String table = "billing_daily " + Sql.versionAsOf(invoice.truthSnapshotId());
        List<Map<String, Object>> partitions = database.query(
                new Sql(
                        "SELECT CAST(day AS varchar), job_run_id, raw_snapshot_id, sum(clicks), sum(billable_clicks),"
                                + " sum(spend_micros), sum(duplicate_events_removed), sum(double_clicks_removed),"
                                + " sum(expired_removed), sum(no_impression_removed), sum(fraud_removed) FROM "
                                + table + where + " GROUP BY 1, 2, 3 ORDER BY 1, 2",
                        parameters),
                AuditService::partition);
        Map<String, Long> fraudByRule = new LinkedHashMap<>();
        database.query(
                        new Sql(
                                "SELECT r.rule, sum(r.n) FROM " + table
                                        + " CROSS JOIN UNNEST(fraud_removed_by_rule) AS r(rule, n)" + where
                                        + " GROUP BY r.rule ORDER BY r.rule",
                                parameters),
                        row -> Map.entry(row.getString(1), row.getLong(2)))
                .forEach(e -> fraudByRule.put(e.getKey(), e.getValue()));
        Set<String> runIds = new LinkedHashSet<>();
        Set<Long> rawSnapshots = new LinkedHashSet<>();
        Map<String, Long> removed = new LinkedHashMap<>();
        for (String key : List.of("duplicate_events", "double_clicks", "expired", "no_impression", "fraud")) {
            removed.put(key, 0L);
        }
        for (Map<String, Object> partition : partitions) {
            runIds.add((String) partition.get("job_run_id"));
            Optional.ofNullable((Long) partition.get("raw_snapshot_id")).ifPresent(rawSnapshots::add);
            @SuppressWarnings("unchecked")
            Map<String, Long> partitionRemoved = (Map<String, Long>) partition.get("removed");
            partitionRemoved.forEach((k, v) -> removed.merge(k, v, Long::sum));
        }
        removed.put("duplicates", removed.get("duplicate_events") + removed.get("double_clicks"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("line_id", found.line().lineId());
        answer.put("invoice_id", invoice.invoiceId());
        answer.put("invoice_version", invoice.version());
        answer.put("advertiser_id", invoice.advertiserId());
        answer.put("campaign_id", found.line().campaignId());
        answer.put("month", invoice.month().toString());
        answer.put("billable_clicks", found.line().billableClicks());
        answer.put("spend_micros", found.line().spendMicros());
        answer.put("complete_through", truth.completeThrough().orElse(null));
        answer.put("truth_table", "adclick.billing_daily");
        answer.put("truth_snapshot_id", invoice.truthSnapshotId());
        answer.put("raw_snapshot_ids", List.copyOf(rawSnapshots));
        answer.put("removed", removed);
        answer.put("fraud_removed_by_rule", fraudByRule);
        answer.put("partitions", partitions);
        answer.put("job_runs", jobRuns(runIds));
        return answer;
    }

    private static Map<String, Object> partition(ResultSet rs) throws SQLException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("table", "adclick.billing_daily");
        p.put("day", rs.getString(1));
        p.put("job_run_id", rs.getString(2));
        long raw = rs.getLong(3);
        p.put("raw_snapshot_id", rs.wasNull() ? null : raw);
        p.put("clicks", rs.getLong(4));
        p.put("billable_clicks", rs.getLong(5));
        p.put("spend_micros", rs.getLong(6));
        Map<String, Long> removed = new LinkedHashMap<>();
        removed.put("duplicate_events", rs.getLong(7));
        removed.put("double_clicks", rs.getLong(8));
        removed.put("expired", rs.getLong(9));
        removed.put("no_impression", rs.getLong(10));
        removed.put("fraud", rs.getLong(11));
        p.put("removed", removed);
        return p;
    }

    private List<Map<String, Object>> jobRuns(Set<String> runIds) {
        if (runIds.isEmpty()) {
            return List.of();
        }
        return database.query(
                new Sql(
                        "SELECT run_id, job, partition_key, raw_snapshot_id, output_snapshot_id, status, code_version,"
                                + " CAST(to_unixtime(started_at) * 1000 AS bigint), CAST(to_unixtime(ended_at) * 1000 AS bigint)"
                                + " FROM job_runs WHERE run_id IN (" + Sql.placeholders(runIds.size()) + ")"
                                + " ORDER BY started_at",
                        new ArrayList<>(runIds)),
                rs -> {
                    Map<String, Object> run = new LinkedHashMap<>();
                    run.put("run_id", rs.getString(1));
                    run.put("job", rs.getString(2));
                    run.put("partition_key", rs.getString(3));
                    long raw = rs.getLong(4);
                    run.put("raw_snapshot_id", rs.wasNull() ? null : raw);
                    long out = rs.getLong(5);
                    run.put("output_snapshot_id", rs.wasNull() ? null : out);
                    run.put("status", rs.getString(6));
                    run.put("code_version", rs.getString(7));
                    run.put("started_at", Instant.ofEpochMilli(rs.getLong(8)).toString());
                    run.put("ended_at", Instant.ofEpochMilli(rs.getLong(9)).toString());
                    return run;
                });
    }

    /** {@code GET /v1/audit/lines/{line_id}/events}. */
    public Map<String, Object> lineEvents(
            String lineId, Caller caller, Optional<EventStatus> status, int limit, int offset) {
        LineOf found = line(lineId, caller);
        Invoice invoice = found.invoice();
        Optional<Long> decisionsSnapshot = truth.currentSnapshot("click_decisions");
        List<Map<String, Object>> events = List.of();
        if (decisionsSnapshot.isPresent()) {
            List<Object> parameters = new ArrayList<>(List.of(
                    invoice.advertiserId(),
                    found.line().campaignId(),
                    invoice.month()
                            .atDay(1)
                            .atStartOfDay()
                            .toInstant(java.time.ZoneOffset.UTC)
                            .toString(),
                    invoice.month()
                            .plusMonths(1)
                            .atDay(1)
                            .atStartOfDay()
                            .toInstant(java.time.ZoneOffset.UTC)
                            .toString()));
            StringBuilder sql = new StringBuilder("SELECT " + DECISION_COLUMNS + " FROM click_decisions ")
                    .append(Sql.versionAsOf(decisionsSnapshot.get()))
                    .append(" WHERE advertiser_id = ? AND campaign_id = ?")
                    .append(" AND event_time >= from_iso8601_timestamp(?) AND event_time < from_iso8601_timestamp(?)");
            status.ifPresent(s -> {
                sql.append(" AND ").append(s.predicate());
                parameters.addAll(s.parameters());
            });
            sql.append(" ORDER BY event_time, event_id, received_at OFFSET ? LIMIT ?");
            parameters.add((long) offset);
            parameters.add((long) limit);
            events = database.query(new Sql(sql.toString(), parameters), AuditService::decision);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("line_id", lineId);
        answer.put("invoice_id", invoice.invoiceId());
        answer.put("advertiser_id", invoice.advertiserId());
        answer.put("campaign_id", found.line().campaignId());
        answer.put("status", status.map(EventStatus::wireName).orElse(null));
        answer.put("limit", limit);
        answer.put("offset", offset);
        answer.put("complete_through", truth.completeThrough().orElse(null));
        answer.put("truth_snapshot_id", invoice.truthSnapshotId());
        answer.put("click_decisions_snapshot_id", decisionsSnapshot.orElse(null));
        answer.put("events", events);
        return answer;
    }

    private static final String DECISION_COLUMNS = "event_id, CAST(to_unixtime(event_time) * 1000 AS bigint),"
            + " CAST(to_unixtime(received_at) * 1000 AS bigint), decision, duplicate_of,"
            + " array_join(fraud_rules, ','), spend_micros, impression_id, advertiser_id, campaign_id, ad_id,"
            + " publisher_id, country, device, cpc_micros, raw_file, job_run_id, raw_snapshot_id";

    private static Map<String, Object> decision(ResultSet rs) throws SQLException {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("event_id", rs.getString(1));
        d.put("event_time", Instant.ofEpochMilli(rs.getLong(2)).toString());
        d.put("received_at", Instant.ofEpochMilli(rs.getLong(3)).toString());
        String decision = rs.getString(4);
        d.put("decision", decision);
        d.put("status", statusOf(decision));
        d.put("duplicate_of", rs.getString(5));
        String rules = rs.getString(6);
        d.put("fraud_rules", rules == null || rules.isEmpty() ? List.of() : List.of(rules.split(",")));
        d.put("spend_micros", rs.getLong(7));
        d.put("impression_id", rs.getString(8));
        d.put("advertiser_id", rs.getString(9));
        d.put("campaign_id", rs.getString(10));
        d.put("ad_id", rs.getString(11));
        d.put("publisher_id", rs.getString(12));
        d.put("country", rs.getString(13));
        d.put("device", rs.getString(14));
        d.put("cpc_micros", rs.getLong(15));
        d.put("raw_file", rs.getString(16));
        d.put("job_run_id", rs.getString(17));
        long raw = rs.getLong(18);
        d.put("raw_snapshot_id", rs.wasNull() ? null : raw);
        return d;
    }

    /** The contract's status of a decision: billable, duplicate, fraud, or the removal reason. */
    static String statusOf(String decision) {
        if (decision.startsWith(ClickDecisions.FRAUD_PREFIX)) {
            return EventStatus.FRAUD.wireName();
        }
        return switch (decision) {
            case ClickDecisions.DUPLICATE_EVENT, ClickDecisions.DUPLICATE_IMPRESSION -> EventStatus.DUPLICATE
                    .wireName();
            default -> decision;
        };
    }

    /** {@code GET /v1/audit/events/{event_id}}. */
    public Map<String, Object> event(String eventId, Caller caller) {
        List<Map<String, Object>> copies = database.query(
                new Sql(
                        "SELECT event_type, event_id, CAST(to_unixtime(event_time) * 1000 AS bigint),"
                                + " CAST(to_unixtime(received_at) * 1000 AS bigint), source, user_id, country, device,"
                                + " token_status, impression_id, advertiser_id, campaign_id, ad_id, publisher_id,"
                                + " cpc_micros, landing_url, \"$path\" FROM raw_events WHERE event_id = ?"
                                + " ORDER BY received_at",
                        List.of(eventId)),
                AuditService::rawEvent);
        if (copies.isEmpty()) {
            throw ApiException.notFound(
                    "No event %s in adclick.raw_events (it may not be archived yet)".formatted(eventId));
        }
        for (Map<String, Object> copy : copies) {
            caller.requireOwns((String) copy.get("advertiser_id"));
        }
        Optional<Long> decisionsSnapshot = truth.currentSnapshot("click_decisions");
        List<Map<String, Object>> decisions = decisionsSnapshot
                .map(id -> database.query(
                        new Sql(
                                "SELECT " + DECISION_COLUMNS + " FROM click_decisions " + Sql.versionAsOf(id)
                                        + " WHERE event_id = ? ORDER BY received_at",
                                List.of(eventId)),
                        AuditService::decision))
                .orElse(List.of());
        List<Map<String, Object>> fraud = truth.currentSnapshot("fraud_decisions")
                .map(id -> database.query(
                        new Sql(
                                "SELECT rule, evidence, decision, job_run_id FROM fraud_decisions "
                                        + Sql.versionAsOf(id) + " WHERE event_id = ? ORDER BY rule",
                                List.of(eventId)),
                        rs -> {
                            Map<String, Object> f = new LinkedHashMap<>();
                            f.put("rule", rs.getString(1));
                            f.put("evidence", rs.getString(2));
                            f.put("decision", rs.getString(3));
                            f.put("job_run_id", rs.getString(4));
                            return f;
                        }))
                .orElse(List.of());
        Map<String, Object> first = copies.get(0);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("event_id", eventId);
        answer.put("advertiser_id", first.get("advertiser_id"));
        answer.put("event", first);
        answer.put("copies", copies.size());
        answer.put("decision", decisionSummary(first, decisions));
        answer.put("decisions", decisions);
        answer.put("fraud_flags", fraud);
        answer.put(
                "stored_in", copies.stream().map(c -> c.get("file")).distinct().toList());
        answer.put("complete_through", truth.completeThrough().orElse(null));
        answer.put("truth_snapshot_id", decisionsSnapshot.orElse(null));
        return answer;
    }

    private static Map<String, Object> decisionSummary(Map<String, Object> event, List<Map<String, Object>> decisions) {
        Map<String, Object> summary = new LinkedHashMap<>();
        if (!"click".equals(event.get("event_type"))) {
            summary.put("status", "not_a_click");
            summary.put("detail", "only clicks are billed; this is a " + event.get("event_type"));
            return summary;
        }
        if (decisions.isEmpty()) {
            summary.put("status", "not_decided");
            summary.put("detail", "no truth job has computed this event's hour yet");
            return summary;
        }
        Map<String, Object> kept = decisions.get(0);
        // transport duplicates share the event_id: the first copy carries the decision
        summary.put("status", kept.get("status"));
        summary.put(
                "duplicate_copies",
                decisions.stream()
                        .filter(d -> "duplicate_event".equals(d.get("decision")))
                        .count());
        summary.put("decision", kept.get("decision"));
        summary.put("duplicate_of", kept.get("duplicate_of"));
        summary.put("fraud_rules", kept.get("fraud_rules"));
        summary.put("spend_micros", kept.get("spend_micros"));
        summary.put("job_run_id", kept.get("job_run_id"));
        return summary;
    }

    private static Map<String, Object> rawEvent(ResultSet rs) throws SQLException {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("event_type", rs.getString(1));
        e.put("event_id", rs.getString(2));
        e.put("event_time", Instant.ofEpochMilli(rs.getLong(3)).toString());
        e.put("received_at", Instant.ofEpochMilli(rs.getLong(4)).toString());
        e.put("source", rs.getString(5));
        e.put("user_id", rs.getString(6));
        e.put("country", rs.getString(7));
        e.put("device", rs.getString(8));
        e.put("token_status", rs.getString(9));
        e.put("impression_id", rs.getString(10));
        e.put("advertiser_id", rs.getString(11));
        e.put("campaign_id", rs.getString(12));
        e.put("ad_id", rs.getString(13));
        e.put("publisher_id", rs.getString(14));
        e.put("cpc_micros", rs.getLong(15));
        e.put("landing_url", rs.getString(16));
        e.put("file", rs.getString(17));
        return e;
    }
}
