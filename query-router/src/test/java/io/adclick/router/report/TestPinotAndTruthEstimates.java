package io.adclick.router.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adclick.router.api.ApiException;
import io.adclick.router.report.ReportRows.Key;
import io.adclick.router.report.ReportRows.Measures;
import io.adclick.schemas.pinot.PinotQueryException;
import io.micronaut.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TestPinotAndTruthEstimates {
    private static final Instant FROM = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant SPLIT = Instant.parse("2026-11-01T12:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-01T14:00:00Z");

    private final List<ReportQuery> truthAsked = new ArrayList<>();
    private final List<ReportQuery> pinotAsked = new ArrayList<>();

    @Test
    void aRangeAcrossCompleteThroughMergesTruthBeforeAndPinotAfter() {
        ReportAnswer answer = estimates(Optional.of(SPLIT), this::pinotRows).dashboard(query(FROM, TO));
        assertThat(answer.source()).isEqualTo("pinot+trino");
        assertThat(answer.completeThrough()).isEqualTo(SPLIT);
        assertThat(answer.truthSnapshotId()).isEqualTo(42L);
        assertThat(answer.rows())
                .extracting(row -> row.get("bucket") + " " + row.get("campaign_id") + " " + row.get("clicks"))
                .containsExactly(
                        "2026-11-01T10:00:00Z c1 1",
                        "2026-11-01T11:00:00Z c1 1",
                        "2026-11-01T12:00:00Z c1 2",
                        "2026-11-01T13:00:00Z c1 2");
        assertThat(truthAsked).singleElement().satisfies(q -> assertThat(q.to()).isEqualTo(SPLIT));
        assertThat(pinotAsked).singleElement().satisfies(q -> assertThat(q.from())
                .isEqualTo(SPLIT));
    }

    @Test
    void withPinotDownARangeTruthCoversIsAnsweredFromTruth() {
        ReportAnswer answer = estimates(Optional.of(TO), q -> {
                    throw new PinotQueryException("down");
                })
                .dashboard(query(FROM, TO));
        assertThat(answer.source()).isEqualTo("trino");
        assertThat(answer.rows()).hasSize(4);
        assertThat(pinotAsked).isEmpty();
    }

    @Test
    void withPinotDownARangeAfterCompleteThroughIs503WithRetryAfter() {
        PinotAndTruthEstimates estimates = estimates(Optional.of(SPLIT), q -> {
            throw new PinotQueryException("Connection refused");
        });
        assertThatThrownBy(() -> estimates.dashboard(query(FROM, TO))).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().getCode()).isEqualTo(503);
            assertThat(e.code()).isEqualTo("estimates_unavailable");
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(10));
            assertThat(e.getMessage()).contains("2026-11-01T12:00:00Z", "Connection refused");
        });
    }

    @Test
    void withTrinoDownEverythingComesFromPinotWithoutCompleteThrough() {
        PinotAndTruthEstimates estimates = new PinotAndTruthEstimates(
                this::truth,
                () -> {
                    throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "truth_unavailable", "Trino away");
                },
                this::pinotRows);
        ReportAnswer answer = estimates.dashboard(query(FROM, TO));
        assertThat(answer.source()).isEqualTo("pinot");
        assertThat(answer.completeThrough()).isNull();
        assertThat(answer.truthSnapshotId()).isNull();
        assertThat(truthAsked).isEmpty();
        assertThat(answer.rows()).hasSize(4);
    }

    private PinotAndTruthEstimates estimates(
            Optional<Instant> completeThrough, Function<ReportQuery, List<Map<String, Object>>> pinot) {
        return new PinotAndTruthEstimates(this::truth, () -> completeThrough, q -> {
            pinotAsked.add(q);
            return pinot.apply(q);
        });
    }

    private ReportAnswer truth(ReportQuery q) {
        truthAsked.add(q);
        return new ReportAnswer("dashboard", "trino", SPLIT, 42L, hourly(q, 1));
    }

    private List<Map<String, Object>> pinotRows(ReportQuery q) {
        return hourly(q, 2);
    }

    /** One row per hour of the query for campaign c1 with {@code clicks}, in reverse order (the merge sorts). */
    private static List<Map<String, Object>> hourly(ReportQuery q, long clicks) {
        Map<Key, Measures> rows = new java.util.HashMap<>();
        for (Instant h = q.from(); h.isBefore(q.to()); h = h.plus(Duration.ofHours(1))) {
            rows.put(new Key(h.toEpochMilli(), List.of("c1")), new Measures(10, clicks, clicks, 100, 1));
        }
        List<Map<String, Object>> wire = new ArrayList<>(ReportRows.wire(q, rows));
        java.util.Collections.reverse(wire);
        return wire;
    }

    private static ReportQuery query(Instant from, Instant to) {
        return new ReportQuery(
                Mode.DASHBOARD,
                Optional.of("acme"),
                List.of(),
                from,
                to,
                Granularity.HOUR,
                List.of(Dimension.CAMPAIGN_ID),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
