package io.adclick.router.invoice;

import static java.util.Objects.requireNonNull;

import io.adclick.router.api.ApiException;
import io.adclick.router.trino.Sql;
import io.adclick.router.trino.TruthDatabase;
import io.adclick.router.trino.TruthState;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Advertiser-month invoices. The first request computes version 1 from the current
 * {@code billing_daily} snapshot (read {@code FOR VERSION AS OF} that snapshot, so the lines and
 * the recorded id agree) and stores it; later requests return the stored version unchanged. A
 * regeneration after truth changed (a backfill, late events) stores a new version that names the
 * one it supersedes; when truth did not change the amounts, the latest version stays.
 */
@Singleton
public final class InvoiceService {
    static final String TRUTH_TABLE = "billing_daily";

    private final TruthDatabase database;
    private final TruthState truth;
    private final InvoiceStore store;
    private final Clock clock;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    public InvoiceService(TruthDatabase database, TruthState truth, InvoiceStore store) {
        this(database, truth, store, Clock.systemUTC());
    }

    InvoiceService(TruthDatabase database, TruthState truth, InvoiceStore store, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.truth = requireNonNull(truth, "truth is null");
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * The invoice of an advertiser-month.
     *
     * @param version a stored version to read, or empty for the latest
     * @param regenerate recompute from current truth and store a new version if amounts changed
     */
    public InvoiceAnswer invoice(String advertiserId, YearMonth month, Optional<Integer> version, boolean regenerate) {
        if (month.isAfter(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
            throw ApiException.badRequest("Invalid month %s: it has not started yet".formatted(month));
        }
        Instant completeThrough = truth.completeThrough().orElse(null);
        Object lock = locks.computeIfAbsent(advertiserId + '\n' + month, k -> new Object());
        synchronized (lock) {
            List<Invoice> versions = new ArrayList<>(store.versions(advertiserId, month));
            if (version.isPresent()) {
                Invoice found = versions.stream()
                        .filter(v -> v.version() == version.get())
                        .findFirst()
                        .orElseThrow(() -> ApiException.notFound("Invoice %s of %s has no version %d (latest: %s)"
                                .formatted(
                                        month,
                                        advertiserId,
                                        version.get(),
                                        versions.isEmpty()
                                                ? "none"
                                                : versions.get(versions.size() - 1)
                                                        .version())));
                return answer(found, versions, completeThrough);
            }
            Optional<Invoice> latest =
                    versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
            if (latest.isPresent() && !regenerate) {
                return answer(latest.get(), versions, completeThrough);
            }
            long snapshot = truth.currentSnapshot(TRUTH_TABLE)
                    .orElseThrow(() -> new ApiException(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "truth_unavailable",
                            "No billing_daily truth yet: run the daily truth job (./adclick batch --day D) first"));
            if (latest.isPresent() && latest.get().truthSnapshotId() == snapshot) {
                return answer(latest.get(), versions, completeThrough);
            }
            List<Invoice.CampaignTotal> totals = totals(advertiserId, month, snapshot);
            if (latest.isPresent() && latest.get().sameAmounts(totals)) {
                return answer(latest.get(), versions, completeThrough);
            }
            int next = latest.map(l -> l.version() + 1).orElse(1);
            Invoice created = build(advertiserId, month, next, latest.map(Invoice::invoiceId), snapshot, totals);
            store.save(created);
            versions.add(created);
            return answer(created, versions, completeThrough);
        }
    }

    /** The per-campaign totals of an advertiser-month in {@code billing_daily} at {@code snapshot}. */
    public List<Invoice.CampaignTotal> totals(String advertiserId, YearMonth month, long snapshot) {
        return database.query(
                new Sql(
                        "SELECT campaign_id, sum(billable_clicks), sum(spend_micros) FROM " + TRUTH_TABLE + " "
                                + Sql.versionAsOf(snapshot)
                                + " WHERE advertiser_id = ? AND day >= CAST(? AS date) AND day < CAST(? AS date)"
                                + " GROUP BY campaign_id ORDER BY campaign_id",
                        List.of(
                                advertiserId,
                                month.atDay(1).toString(),
                                month.plusMonths(1).atDay(1).toString())),
                row -> new Invoice.CampaignTotal(row.getString(1), row.getLong(2), row.getLong(3)));
    }

    private Invoice build(
            String advertiserId,
            YearMonth month,
            int version,
            Optional<String> supersedes,
            long snapshot,
            List<Invoice.CampaignTotal> totals) {
        String invoiceId = Invoice.idOf(advertiserId, month, version);
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 0; i < totals.size(); i++) {
            Invoice.CampaignTotal total = totals.get(i);
            lines.add(new InvoiceLine(
                    Invoice.lineIdOf(invoiceId, i + 1),
                    total.campaignId(),
                    total.billableClicks(),
                    total.spendMicros()));
        }
        return new Invoice(
                invoiceId,
                version,
                supersedes,
                advertiserId,
                month,
                snapshot,
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                lines);
    }

    private static InvoiceAnswer answer(Invoice invoice, List<Invoice> versions, Instant completeThrough) {
        String supersededBy = versions.stream()
                .filter(v -> v.version() == invoice.version() + 1)
                .map(Invoice::invoiceId)
                .findFirst()
                .orElse(null);
        return InvoiceAnswer.of(invoice, supersededBy, completeThrough);
    }
}
