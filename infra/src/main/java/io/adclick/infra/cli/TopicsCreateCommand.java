package io.adclick.infra.cli;

import io.adclick.infra.kafka.TopicCreator;
import io.adclick.infra.kafka.TopicSpec;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code adclick topics create}: creates the topics of CONTRACT section 5 on a Kafka cluster with
 * a production replication factor; existing topics are kept (and checked for enough partitions).
 */
@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description =
                "Create the missing contract topics (events.raw, events.quarantine, rollups.minute, events.late).")
final class TopicsCreateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--bootstrap-servers",
            required = true,
            description = "The cluster, e.g. kafka-1:9092,kafka-2:9092.")
    String bootstrapServers;

    @Option(
            names = "--replication-factor",
            defaultValue = "3",
            description = "Copies of each partition (default ${DEFAULT-VALUE}); min.insync.replicas is one less.")
    short replicationFactor;

    @Option(
            names = "--partitions-scale",
            defaultValue = "1",
            description = "Multiply the embedded partition counts by this (default ${DEFAULT-VALUE}).")
    int partitionsScale;

    @Option(names = "--dry-run", description = "Print the topics and their settings; create nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<TopicSpec> topics = plan(replicationFactor, partitionsScale);
        for (TopicSpec topic : topics) {
            out.printf(
                    "%-18s partitions=%-3d replicas=%d %s%n",
                    topic.name(), topic.partitions(), topic.replicationFactor(), topic.configs());
        }
        if (dryRun) {
            return 0;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<String> created = new TopicCreator(admin, Duration.ofSeconds(60)).ensure(topics);
            out.println(created.isEmpty() ? "All topics already exist." : "Created: " + String.join(", ", created));
        }
        return 0;
    }

    /** The contract topics as a cluster of {@code replicas} brokers gets them. */
    static List<TopicSpec> plan(short replicas, int partitionsScale) {
        return StackTopics.all().stream()
                .map(topic -> topic.withReplication(replicas).withPartitionsScaledBy(partitionsScale))
                .toList();
    }
}
