package io.adclick.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.adclick.infra.config.AdclickHome;
import io.adclick.infra.config.StackConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestBrokerProperties {
    private final StackConfig config = StackConfig.fromEnvironment(
            new AdclickHome(Path.of("/opt/adclick")),
            Map.of(
                    "ADCLICK_KAFKA_PORT",
                    "19092",
                    "ADCLICK_KAFKA_CONTROLLER_PORT",
                    "19093",
                    "ADCLICK_EDGE_PORT",
                    "18080"));

    @Test
    void aCombinedKraftNodeListeningOnLoopbackOnly() {
        Map<String, String> properties = BrokerProperties.of(config, Path.of("/state/kafka/data"));

        assertThat(properties)
                .contains(
                        entry("process.roles", "broker,controller"),
                        entry("controller.quorum.voters", "1@127.0.0.1:19093"),
                        entry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093"),
                        entry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092"),
                        entry("log.dirs", "/state/kafka/data"),
                        entry("auto.create.topics.enable", "false"));
    }

    @Test
    void internalTopicsHaveOneReplica() {
        assertThat(BrokerProperties.of(config, Path.of("/d")))
                .contains(
                        entry("offsets.topic.replication.factor", "1"),
                        entry("transaction.state.log.replication.factor", "1"),
                        entry("transaction.state.log.min.isr", "1"));
    }
}
