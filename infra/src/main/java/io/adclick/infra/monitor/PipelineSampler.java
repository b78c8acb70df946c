package io.adclick.infra.monitor;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.archive.ArchiveFigures;
import io.adclick.infra.archive.ArchiveFigures.TableFigures;
import io.adclick.infra.kafka.KafkaFigures;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;

/**
 * Takes {@link PipelineSample}s: consumer lag from the brokers, the stream job from Flink's REST
 * API, {@code raw_events} from the Iceberg REST catalog. A source that does not answer is reported
 * once when it goes down and once when it is back, not at every sample.
 */
final class PipelineSampler {
    private final Admin admin;
    private final FlinkRest flink;
    private final URI catalogUrl;
    private final Duration timeout;
    private final Clock clock;
    private final Consumer<String> log;
    private final List<ConsumerLag> consumers = ConsumerLag.pipeline();
    private final Map<String, Boolean> wasUp = new LinkedHashMap<>();

    PipelineSampler(Admin admin, FlinkRest flink, URI catalogUrl, Duration timeout, Clock clock, Consumer<String> log) {
        this.admin = requireNonNull(admin, "admin is null");
        this.flink = requireNonNull(flink, "flink is null");
        this.catalogUrl = requireNonNull(catalogUrl, "catalogUrl is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.log = requireNonNull(log, "log is null");
    }

    PipelineSample sample() throws InterruptedException {
        Optional<Map<ConsumerLag, Long>> lags = read("Kafka", this::lags);
        Optional<Optional<FlinkJobFigures>> stream = read("Flink REST", flink::read);
        Optional<TableFigures> archive = read("catalog", () -> ArchiveFigures.rawEvents(catalogUrl, timeout));
        return new PipelineSample(
                clock.instant(),
                lags.isPresent(),
                lags.orElse(Map.of()),
                stream.isPresent(),
                stream.flatMap(job -> job),
                archive.isPresent(),
                archive);
    }

    private Map<ConsumerLag, Long> lags() throws Exception {
        Map<String, Long> ends = KafkaFigures.endOffsets(
                admin, consumers.stream().map(ConsumerLag::topic).distinct().toList(), timeout);
        Map<ConsumerLag, Long> lags = new LinkedHashMap<>();
        for (ConsumerLag consumer : consumers) {
            long committed = KafkaFigures.committed(admin, consumer.group(), consumer.topic(), timeout);
            lags.put(consumer, Math.max(0, ends.get(consumer.topic()) - committed));
        }
        return lags;
    }

    /** What {@code reading} gives, or empty when {@code source} does not answer (reported on a change). */
    private <T> Optional<T> read(String source, Callable<T> reading) throws InterruptedException {
        try {
            T value = reading.call();
            note(source, true, null);
            return Optional.of(value);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            note(source, false, e);
            return Optional.empty();
        }
    }

    private void note(String source, boolean up, Exception failure) {
        Boolean before = wasUp.put(source, up);
        if (!up && !Boolean.FALSE.equals(before)) {
            log.accept("monitor: %s does not answer (%s); its metrics read NaN until it does"
                    .formatted(source, failure.getMessage() != null ? failure.getMessage() : failure.toString()));
        } else if (up && Boolean.FALSE.equals(before)) {
            log.accept("monitor: %s answers again".formatted(source));
        }
    }
}
