package io.adclick.router.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.adclick.router.config.TrinoConfig;
import io.adclick.router.trino.TruthDatabase;
import io.adclick.router.trino.TruthState;
import io.adclick.schemas.pinot.PinotBroker;
import io.adclick.schemas.pinot.PinotQueryException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class TestPipelineRefresher {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final TruthFigures TRUTH = new TruthFigures(
            Optional.of(Instant.parse("2026-11-26T11:00:00Z")), List.of(), Map.of(), ReconciliationFigures.NONE);
    private static final EstimateFigures ESTIMATES = new EstimateFigures(Optional.of(NOW), Optional.of(NOW));

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final ScriptedReader reader = new ScriptedReader();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private PipelineRefresher refresher;

    @BeforeEach
    void setUp() {
        Logger log = (Logger) LoggerFactory.getLogger("test.pipeline." + System.nanoTime());
        log.setLevel(Level.INFO);
        logged.start();
        log.addAppender(logged);
        refresher = new PipelineRefresher(
                reader,
                new PipelineGauges(registry, Clock.fixed(NOW, ZoneOffset.UTC)),
                Duration.ofSeconds(15),
                Clock.fixed(NOW, ZoneOffset.UTC),
                log);
    }

    @Test
    void anOutageIsLoggedOnceAsAWarningAndItsEndOnceAsInfo() {
        refresher.refresh();
        reader.trinoUp = false;
        refresher.refresh();
        refresher.refresh();
        refresher.refresh();
        reader.trinoUp = true;
        refresher.refresh();
        refresher.refresh();

        assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
        assertThat(logged.list.get(0).getFormattedMessage())
                .contains("cannot read trino", "Trino is away", "adclick.router.trino.url");
        assertThat(logged.list.get(1).getFormattedMessage()).contains("trino answers again");
    }

    @Test
    void aSecondOutageIsLoggedAgain() {
        reader.pinotUp = false;
        refresher.refresh();
        reader.pinotUp = true;
        refresher.refresh();
        reader.pinotUp = false;
        refresher.refresh();

        assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO, Level.WARN);
    }

    @Test
    void oneSourceDownLeavesTheOtherCurrent() {
        reader.trinoUp = false;
        refresher.refresh();

        assertThat(gauge("trino")).isZero();
        assertThat(gauge("pinot")).isEqualTo(1);
        assertThat(registry.get("adclick.truth.complete.through.seconds")
                        .gauge()
                        .value())
                .isNaN();
        assertThat(registry.get("adclick.estimates.newest.minute.age.seconds")
                        .gauge()
                        .value())
                .isZero();
    }

    @Test
    void aRecoveredSourceReadsItsFiguresAgain() {
        reader.trinoUp = false;
        refresher.refresh();
        reader.trinoUp = true;
        refresher.refresh();

        assertThat(gauge("trino")).isEqualTo(1);
        assertThat(registry.get("adclick.truth.complete.through.seconds")
                        .gauge()
                        .value())
                .isEqualTo(Instant.parse("2026-11-26T11:00:00Z").getEpochSecond());
    }

    private double gauge(String source) {
        return registry.get("adclick.pipeline.source.up")
                .tag("source", source)
                .gauge()
                .value();
    }

    /** A reader whose sources answer or fail as the test says, without any engine. */
    private static final class ScriptedReader extends PipelineReader {
        boolean trinoUp = true;
        boolean pinotUp = true;

        ScriptedReader() {
            this(new TruthDatabase(
                    new TrinoConfig("http://127.0.0.1:9", "iceberg", "adclick", "t", Duration.ofSeconds(1))));
        }

        private ScriptedReader(TruthDatabase database) {
            super(
                    database,
                    new TruthState(database),
                    new PinotBroker(URI.create("http://127.0.0.1:9")),
                    Duration.ofDays(7));
        }

        @Override
        public TruthFigures readTruth(Instant now) {
            if (!trinoUp) {
                throw new IllegalStateException("Trino is away");
            }
            return TRUTH;
        }

        @Override
        public EstimateFigures readEstimates(Instant now) {
            if (!pinotUp) {
                throw new PinotQueryException("Pinot is away");
            }
            return ESTIMATES;
        }
    }
}
