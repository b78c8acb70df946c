package io.adclick.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.infra.kafka.TopicSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class TestTopicsCreateCommand {
    @Test
    void productionTopicsAreReplicatedWithMinInsyncOneLess() {
        List<TopicSpec> topics = TopicsCreateCommand.plan((short) 3, 4);

        assertThat(topics)
                .extracting(TopicSpec::name)
                .containsExactly(
                        "events.raw",
                        "events.quarantine",
                        "rollups.minute",
                        "events.late",
                        "connect.iceberg.control",
                        "connect.iceberg.control.rollups",
                        "connect.iceberg.control.late");
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.replicationFactor()).isEqualTo((short) 3);
            assertThat(topic.configs()).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
        });
        assertThat(topics.get(0).partitions()).isEqualTo(24);
    }

    @Test
    void aSingleBrokerKeepsMinInsyncAtOne() {
        assertThat(TopicsCreateCommand.plan((short) 1, 1)).allSatisfy(topic -> assertThat(topic.configs())
                .containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1"));
    }

    @Test
    void dryRunPrintsThePlanAndCreatesNothing() {
        StringWriter out = new StringWriter();
        int exit = AdclickCli.commandLine()
                .setOut(new PrintWriter(out))
                .execute("topics", "create", "--bootstrap-servers", "127.0.0.1:1", "--dry-run");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("events.raw", "partitions=6", "replicas=3", "min.insync.replicas=2");
    }
}
