package io.adclick.infra.kafka;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.config.StackConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code server.properties} of the embedded broker: one KRaft node in combined mode
 * (broker and controller), listening on loopback only, with single-replica internal topics.
 */
public final class BrokerProperties {
    /** The node id of the only node. */
    public static final int NODE_ID = 1;
    /** Upper bound for transactional producers (the stream job's sink), 15 minutes. */
    public static final long TRANSACTION_MAX_TIMEOUT_MS = 900_000;

    private BrokerProperties() {}

    /** The properties for a broker on {@code config}'s ports with its log directory at {@code dataDir}. */
    public static Map<String, String> of(StackConfig config, Path dataDir) {
        requireNonNull(config, "config is null");
        requireNonNull(dataDir, "dataDir is null");
        String host = StackConfig.LOOPBACK;
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + config.kafkaControllerPort());
        p.put(
                "listeners",
                "PLAINTEXT://%s:%d,CONTROLLER://%s:%d"
                        .formatted(host, config.kafkaPort(), host, config.kafkaControllerPort()));
        p.put("advertised.listeners", "PLAINTEXT://%s:%d".formatted(host, config.kafkaPort()));
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.toString());
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "10");
        p.put("transaction.max.timeout.ms", Long.toString(TRANSACTION_MAX_TIMEOUT_MS));
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    /** The properties as the text of a {@code .properties} file. */
    public static String toText(Map<String, String> properties) {
        StringBuilder text = new StringBuilder("# Written by adclick up: edit StackConfig, not this file.\n");
        properties.forEach(
                (key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    /** A log4j2 configuration that logs INFO to stdout (which the launcher appends to the broker's log file). */
    public static String log4j2Text() {
        return """
                status = warn
                appender.console.type = Console
                appender.console.name = STDOUT
                appender.console.layout.type = PatternLayout
                appender.console.layout.pattern = [%d] %p %m (%c)%n
                rootLogger.level = info
                rootLogger.appenderRef.stdout.ref = STDOUT
                logger.statechange.name = state.change.logger
                logger.statechange.level = warn
                logger.request.name = kafka.request.logger
                logger.request.level = warn
                """;
    }
}
