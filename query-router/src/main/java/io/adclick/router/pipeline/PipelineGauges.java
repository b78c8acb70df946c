package io.adclick.router.pipeline;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The pipeline gauges on {@code /metrics}, computed at scrape time from the latest reading of each
 * source (ages against the scrape's clock). A gauge reads NaN while its source is down, before its
 * first read, and when the source has no such figure yet (no run of that job, an empty table).
 * Instants are exported as epoch seconds.
 */
@Singleton
public final class PipelineGauges {
    /** The {@code source} tag of the batch side. */
    public static final String TRINO = "trino";
    /** The {@code source} tag of the speed side. */
    public static final String PINOT = "pinot";

    private final MeterRegistry registry;
    private final Clock clock;
    private final AtomicReference<SourceReading<TruthFigures>> truth = new AtomicReference<>(SourceReading.pending());
    private final AtomicReference<SourceReading<EstimateFigures>> estimates =
            new AtomicReference<>(SourceReading.pending());
    private final Set<String> jobsRegistered = ConcurrentHashMap.newKeySet();

    @Inject
    public PipelineGauges(MeterRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    PipelineGauges(MeterRegistry registry, Clock clock) {
        this.registry = requireNonNull(registry, "registry is null");
        this.clock = requireNonNull(clock, "clock is null");
        registerSourceGauges(TRINO, truth);
        registerSourceGauges(PINOT, estimates);
        truthGauge(
                "adclick.truth.complete.through.seconds",
                "End of the billing truth that is complete (complete_through), epoch seconds",
                t -> epochSeconds(t.completeThrough()));
        truthGauge("adclick.truth.lag.seconds", "Now minus complete_through", t -> age(t.completeThrough()));
        truthGauge(
                "adclick.reconciliation.alerts",
                "(hour, campaign) reconciliation rows of the window whose residual is above the alert threshold",
                t -> t.reconciliation().alerts());
        truthGauge(
                "adclick.reconciliation.newest.hour.seconds",
                "Start of the newest reconciled hour of the window, epoch seconds",
                t -> epochSeconds(t.reconciliation().newestHour()));
        truthGauge(
                "adclick.reconciliation.max.abs.residual.clicks",
                "Largest absolute unexplained residual of the window, in clicks",
                t -> orNaN(t.reconciliation().maxResidualClicks()));
        truthGauge(
                "adclick.reconciliation.max.abs.residual.spend.micros",
                "Largest absolute unexplained residual of the window, in spend micros",
                t -> orNaN(t.reconciliation().maxResidualSpendMicros()));
        estimatesGauge(
                "adclick.estimates.newest.minute.age.seconds",
                "Now minus the start of the newest minute in Pinot (an upper bound of the newest event's age)",
                e -> age(e.newestMinute()));
        estimatesGauge(
                "adclick.estimates.last.revision.age.seconds",
                "Now minus the newest emitted_at in Pinot (a lower bound of the newest event's age)",
                e -> age(e.newestRevision()));
    }

    /** Publishes a successful read of Trino made at {@code at}. */
    public void truthRead(TruthFigures figures, Instant at) {
        truth.updateAndGet(previous -> previous.up(figures, at));
        figures.jobs().forEach(this::registerJob);
    }

    /** Trino could not be read: its gauges read NaN until the next successful read. */
    public void truthFailed() {
        truth.updateAndGet(SourceReading::failed);
    }

    /** Publishes a successful read of Pinot made at {@code at}. */
    public void estimatesRead(EstimateFigures figures, Instant at) {
        estimates.updateAndGet(previous -> previous.up(figures, at));
    }

    /** Pinot could not be read: its gauges read NaN until the next successful read. */
    public void estimatesFailed() {
        estimates.updateAndGet(SourceReading::failed);
    }

    private void registerSourceGauges(String source, AtomicReference<? extends SourceReading<?>> reading) {
        Gauge.builder("adclick.pipeline.source.up", () -> reading.get().upValue())
                .description("1 when the latest read of the source succeeded, 0 when it failed")
                .tag("source", source)
                .strongReference(true)
                .register(registry);
        Gauge.builder(
                        "adclick.pipeline.last.refresh.seconds",
                        () -> epochSeconds(reading.get().lastSuccess()))
                .description("When the source was last read successfully, epoch seconds")
                .tag("source", source)
                .strongReference(true)
                .register(registry);
    }

    private void registerJob(String job) {
        if (!jobsRegistered.add(job)) {
            return;
        }
        Tags tags = Tags.of("truth_job", job);
        jobGauge(
                "adclick.truth.last.run.duration.seconds",
                "Duration of the newest succeeded run of the job",
                tags,
                job,
                run -> run.duration().toMillis() / 1000.0);
        jobGauge(
                "adclick.truth.last.run.end.seconds",
                "End of the newest succeeded run of the job, epoch seconds",
                tags,
                job,
                run -> run.endedAt().toEpochMilli() / 1000.0);
        String rows = "Rows of the newest succeeded run of the job: in (raw rows read), out (billing rows"
                + " written), removed (clicks not billed)";
        jobGauge("adclick.truth.last.run.rows", rows, tags.and("kind", "in"), job, JobRunFigures::rowsIn);
        jobGauge("adclick.truth.last.run.rows", rows, tags.and("kind", "out"), job, JobRunFigures::rowsOut);
        jobGauge("adclick.truth.last.run.rows", rows, tags.and("kind", "removed"), job, JobRunFigures::rowsRemoved);
        Gauge.builder(
                        "adclick.truth.failed.runs",
                        () -> truthValue(t -> t.failedRuns().getOrDefault(job, 0L)))
                .description("Failed runs of the job that started within the window")
                .tags(tags)
                .strongReference(true)
                .register(registry);
    }

    private void jobGauge(
            String name, String description, Tags tags, String job, ToDoubleFunction<JobRunFigures> value) {
        Gauge.builder(
                        name,
                        () -> truthValue(
                                t -> t.lastRun(job).map(value::applyAsDouble).orElse(Double.NaN)))
                .description(description)
                .tags(tags)
                .strongReference(true)
                .register(registry);
    }

    private void truthGauge(String name, String description, Function<TruthFigures, Number> value) {
        Gauge.builder(name, () -> truthValue(value))
                .description(description)
                .strongReference(true)
                .register(registry);
    }

    private void estimatesGauge(String name, String description, Function<EstimateFigures, Number> value) {
        Gauge.builder(name, () -> estimates.get().figures().map(value).orElse(Double.NaN))
                .description(description)
                .strongReference(true)
                .register(registry);
    }

    private Number truthValue(Function<TruthFigures, Number> value) {
        return truth.get().figures().map(value).orElse(Double.NaN);
    }

    private double age(Optional<Instant> instant) {
        return instant.map(i -> Duration.between(i, clock.instant()).toMillis() / 1000.0)
                .orElse(Double.NaN);
    }

    private static double epochSeconds(Optional<Instant> instant) {
        return instant.map(i -> i.toEpochMilli() / 1000.0).orElse(Double.NaN);
    }

    private static double orNaN(Optional<Long> value) {
        return value.map(Long::doubleValue).orElse(Double.NaN);
    }
}
