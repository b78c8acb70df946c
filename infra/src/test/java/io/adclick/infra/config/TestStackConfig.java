package io.adclick.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestStackConfig {
    private static final AdclickHome HOME = new AdclickHome(Path.of("/opt/adclick"));

    @Test
    void defaults() {
        StackConfig config = StackConfig.defaults(HOME);

        assertThat(config.stateDir()).isEqualTo(Path.of("/opt/adclick/.adclick"));
        assertThat(config.kafkaPort()).isEqualTo(9092);
        assertThat(config.kafkaControllerPort()).isEqualTo(9093);
        assertThat(config.edgePort()).isEqualTo(8080);
        assertThat(config.kafkaHeap()).isEqualTo("768m");
        assertThat(config.edgeHeap()).isEqualTo("512m");
        assertThat(config.trafficRate()).isEqualTo(20);
        assertThat(config.startTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.stopTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.backgroundNice()).isEqualTo(10);
    }

    @Test
    void derivedPathsAndAddressesAreUnderTheStateDirectoryAndOnLoopback() {
        StackConfig config = StackConfig.defaults(HOME);

        assertThat(config.logFile("kafka")).isEqualTo(Path.of("/opt/adclick/.adclick/logs/kafka.log"));
        assertThat(config.stackFile()).isEqualTo(Path.of("/opt/adclick/.adclick/run/stack.json"));
        assertThat(config.edgeSpoolDir()).isEqualTo(Path.of("/opt/adclick/.adclick/edge/spool"));
        assertThat(config.flinkCheckpointDir()).isEqualTo(Path.of("/opt/adclick/.adclick/flink/checkpoints"));
        assertThat(config.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(config.edgeUrl()).isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void everyEnvironmentVariableOverridesItsDefault() {
        StackConfig config = StackConfig.fromEnvironment(
                HOME,
                Map.of(
                        "ADCLICK_STATE_DIR", "/var/lib/adclick",
                        "ADCLICK_KAFKA_PORT", "19092",
                        "ADCLICK_KAFKA_CONTROLLER_PORT", "19093",
                        "ADCLICK_EDGE_PORT", "18080",
                        "ADCLICK_KAFKA_HEAP", "1g",
                        "ADCLICK_EDGE_HEAP", "256m",
                        "ADCLICK_TRAFFIC_RATE", "5",
                        "ADCLICK_START_TIMEOUT_SECONDS", "120",
                        "ADCLICK_STOP_TIMEOUT_SECONDS", "10",
                        "ADCLICK_BACKGROUND_NICE", "0"));

        assertThat(config)
                .isEqualTo(new StackConfig(
                        HOME,
                        Path.of("/var/lib/adclick"),
                        19092,
                        19093,
                        18080,
                        "1g",
                        "256m",
                        5,
                        Duration.ofSeconds(120),
                        Duration.ofSeconds(10),
                        0,
                        ArchiveConfig.fromEnvironment(Map.of()),
                        TruthConfig.defaults(),
                        StreamConfig.defaults(),
                        PinotConfig.defaults(),
                        QueryConfig.defaults(),
                        MonitorConfig.fromEnvironment(Map.of())));
    }

    @Test
    void aBadValueNamesItsVariable() {
        assertThatThrownBy(() -> StackConfig.fromEnvironment(HOME, Map.of("ADCLICK_EDGE_PORT", "eighty")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ADCLICK_EDGE_PORT=\"eighty\"");
        assertThatThrownBy(() -> StackConfig.fromEnvironment(HOME, Map.of("ADCLICK_KAFKA_HEAP", "lots")))
                .hasMessageContaining("ADCLICK_KAFKA_HEAP=\"lots\"");
    }
}
