package io.adclick.router.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestPipelineGauges {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Instant COMPLETE_THROUGH = Instant.parse("2026-11-26T09:00:00Z");
    private static final TruthFigures TRUTH = new TruthFigures(
            Optional.of(COMPLETE_THROUGH),
            List.of(
                    new JobRunFigures(
                            "daily",
                            Instant.parse("2026-11-26T06:00:00Z"),
                            Instant.parse("2026-11-26T06:01:30.250Z"),
                            7147,
                            1027,
                            483),
                    new JobRunFigures(
                            "hourly",
                            Instant.parse("2026-11-26T11:02:00Z"),
                            Instant.parse("2026-11-26T11:02:40Z"),
                            300,
                            12,
                            9)),
            Map.of("hourly", 2L),
            new ReconciliationFigures(
                    3, Optional.of(Instant.parse("2026-11-26T10:00:00Z")), Optional.of(17L), Optional.of(4_250_000L)));
    private static final EstimateFigures ESTIMATES = new EstimateFigures(
            Optional.of(Instant.parse("2026-11-26T11:59:00Z")), Optional.of(Instant.parse("2026-11-26T11:59:58.500Z")));

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final PipelineGauges gauges = new PipelineGauges(registry, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void beforeTheFirstReadEveryGaugeIsNaN() {
        assertThat(value("adclick.pipeline.source.up", "source", "trino")).isNaN();
        assertThat(value("adclick.pipeline.source.up", "source", "pinot")).isNaN();
        assertThat(value("adclick.truth.complete.through.seconds")).isNaN();
        assertThat(value("adclick.estimates.newest.minute.age.seconds")).isNaN();
        assertThat(registry.find("adclick.truth.last.run.rows").gauges()).isEmpty();
    }

    @Test
    void truthGaugesAreTheFiguresReadWithAgesAgainstTheScrapeClock() {
        gauges.truthRead(TRUTH, NOW.minusSeconds(5));

        assertThat(value("adclick.pipeline.source.up", "source", "trino")).isEqualTo(1);
        assertThat(value("adclick.pipeline.last.refresh.seconds", "source", "trino"))
                .isEqualTo(NOW.getEpochSecond() - 5);
        assertThat(value("adclick.truth.complete.through.seconds")).isEqualTo(COMPLETE_THROUGH.getEpochSecond());
        assertThat(value("adclick.truth.lag.seconds")).isEqualTo(3 * 3600);
        assertThat(value("adclick.reconciliation.alerts")).isEqualTo(3);
        assertThat(value("adclick.reconciliation.newest.hour.seconds"))
                .isEqualTo(Instant.parse("2026-11-26T10:00:00Z").getEpochSecond());
        assertThat(value("adclick.reconciliation.max.abs.residual.clicks")).isEqualTo(17);
        assertThat(value("adclick.reconciliation.max.abs.residual.spend.micros"))
                .isEqualTo(4_250_000);
    }

    @Test
    void eachJobKindHasItsNewestSucceededRunAndItsFailedRuns() {
        gauges.truthRead(TRUTH, NOW);

        assertThat(value("adclick.truth.last.run.duration.seconds", "truth_job", "daily"))
                .isEqualTo(90.25);
        assertThat(value("adclick.truth.last.run.end.seconds", "truth_job", "daily"))
                .isEqualTo(Instant.parse("2026-11-26T06:01:30.250Z").toEpochMilli() / 1000.0);
        assertThat(value("adclick.truth.last.run.rows", "truth_job", "daily", "kind", "in"))
                .isEqualTo(7147);
        assertThat(value("adclick.truth.last.run.rows", "truth_job", "daily", "kind", "out"))
                .isEqualTo(1027);
        assertThat(value("adclick.truth.last.run.rows", "truth_job", "daily", "kind", "removed"))
                .isEqualTo(483);
        assertThat(value("adclick.truth.failed.runs", "truth_job", "daily")).isZero();
        assertThat(value("adclick.truth.failed.runs", "truth_job", "hourly")).isEqualTo(2);
        assertThat(value("adclick.truth.last.run.duration.seconds", "truth_job", "hourly"))
                .isEqualTo(40);
    }

    @Test
    void aJobWithFailedRunsOnlyHasNoLastRunFigures() {
        gauges.truthRead(
                new TruthFigures(Optional.empty(), List.of(), Map.of("daily", 1L), ReconciliationFigures.NONE), NOW);

        assertThat(value("adclick.truth.failed.runs", "truth_job", "daily")).isEqualTo(1);
        assertThat(value("adclick.truth.last.run.rows", "truth_job", "daily", "kind", "in"))
                .isNaN();
        assertThat(value("adclick.truth.complete.through.seconds")).isNaN();
        assertThat(value("adclick.reconciliation.alerts")).isZero();
        assertThat(value("adclick.reconciliation.max.abs.residual.clicks")).isNaN();
    }

    @Test
    void whileTrinoIsDownItsGaugesReadNaNNotTheLastValues() {
        gauges.truthRead(TRUTH, NOW.minusSeconds(30));
        gauges.estimatesRead(ESTIMATES, NOW.minusSeconds(30));

        gauges.truthFailed();

        assertThat(value("adclick.pipeline.source.up", "source", "trino")).isZero();
        assertThat(value("adclick.truth.complete.through.seconds")).isNaN();
        assertThat(value("adclick.truth.lag.seconds")).isNaN();
        assertThat(value("adclick.truth.last.run.rows", "truth_job", "daily", "kind", "in"))
                .isNaN();
        assertThat(value("adclick.truth.failed.runs", "truth_job", "hourly")).isNaN();
        assertThat(value("adclick.reconciliation.alerts")).isNaN();
        assertThat(value("adclick.pipeline.last.refresh.seconds", "source", "trino"))
                .as("the last successful read is kept")
                .isEqualTo(NOW.getEpochSecond() - 30);
        assertThat(value("adclick.pipeline.source.up", "source", "pinot")).isEqualTo(1);
        assertThat(value("adclick.estimates.newest.minute.age.seconds")).isEqualTo(60);
    }

    @Test
    void afterAnOutageTheNextReadIsCurrentAgain() {
        gauges.truthFailed();
        gauges.truthRead(TRUTH, NOW);

        assertThat(value("adclick.pipeline.source.up", "source", "trino")).isEqualTo(1);
        assertThat(value("adclick.truth.complete.through.seconds")).isEqualTo(COMPLETE_THROUGH.getEpochSecond());
    }

    @Test
    void estimatesAgesBoundTheNewestEventFromAboveAndBelow() {
        gauges.estimatesRead(ESTIMATES, NOW);

        assertThat(value("adclick.estimates.newest.minute.age.seconds")).isEqualTo(60);
        assertThat(value("adclick.estimates.last.revision.age.seconds")).isEqualTo(1.5);

        gauges.estimatesFailed();

        assertThat(value("adclick.pipeline.source.up", "source", "pinot")).isZero();
        assertThat(value("adclick.estimates.newest.minute.age.seconds")).isNaN();
        assertThat(value("adclick.estimates.last.revision.age.seconds")).isNaN();
    }

    @Test
    void anEmptyEstimatesTableReadsNaNWithPinotUp() {
        gauges.estimatesRead(new EstimateFigures(Optional.empty(), Optional.empty()), NOW);

        assertThat(value("adclick.pipeline.source.up", "source", "pinot")).isEqualTo(1);
        assertThat(value("adclick.estimates.newest.minute.age.seconds")).isNaN();
    }

    private double value(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }
}
