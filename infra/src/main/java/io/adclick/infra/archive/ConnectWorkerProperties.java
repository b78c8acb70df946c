package io.adclick.infra.archive;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.config.StackConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code connect-distributed.properties} of the embedded worker: one worker in distributed
 * mode (so connector configs and offsets live in Kafka and survive a crash), REST on loopback,
 * plugins found by service loading.
 */
public final class ConnectWorkerProperties {
    public static final String GROUP_ID = "adclick-connect";

    private ConnectWorkerProperties() {}

    /** The worker's properties for {@code config}, loading plugins from {@code pluginPath}. */
    public static Map<String, String> of(StackConfig config, Path pluginPath) {
        requireNonNull(config, "config is null");
        requireNonNull(pluginPath, "pluginPath is null");
        int port = config.archive().connectPort();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("bootstrap.servers", config.kafkaBootstrap());
        p.put("group.id", GROUP_ID);
        p.put("config.storage.topic", "connect.configs");
        p.put("offset.storage.topic", "connect.offsets");
        p.put("status.storage.topic", "connect.status");
        p.put("config.storage.replication.factor", "1");
        p.put("offset.storage.replication.factor", "1");
        p.put("status.storage.replication.factor", "1");
        p.put("offset.storage.partitions", "1");
        p.put("status.storage.partitions", "1");
        p.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        p.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        p.put("value.converter.schemas.enable", "false");
        p.put("listeners", "http://%s:%d".formatted(StackConfig.LOOPBACK, port));
        p.put("rest.advertised.host.name", StackConfig.LOOPBACK);
        p.put("rest.advertised.port", Integer.toString(port));
        p.put("plugin.path", pluginPath.toString());
        p.put("plugin.discovery", "service_load");
        // The stream archive's connectors read Flink's transactional topics with read_committed.
        p.put("connector.client.config.override.policy", "All");
        p.put("offset.flush.interval.ms", "1000");
        p.put("consumer.session.timeout.ms", "10000");
        // A restarted worker is a new group member: hand it the lost tasks at once, not after 5 minutes.
        p.put("scheduled.rebalance.max.delay.ms", "0");
        return p;
    }

    /** A log4j2 configuration: the sink's commits at INFO, the worker's clients at WARN. */
    public static String log4j2Text() {
        return """
                status = warn
                appender.console.type = Console
                appender.console.name = STDOUT
                appender.console.layout.type = PatternLayout
                appender.console.layout.pattern = [%d] %p %m (%c)%n
                rootLogger.level = info
                rootLogger.appenderRef.stdout.ref = STDOUT
                logger.clients.name = org.apache.kafka.clients
                logger.clients.level = warn
                logger.config.name = org.apache.kafka.common.config
                logger.config.level = warn
                logger.plugins.name = org.apache.kafka.connect.runtime.isolation
                logger.plugins.level = warn
                logger.jetty.name = org.eclipse.jetty
                logger.jetty.level = warn
                logger.hadoop.name = org.apache.hadoop
                logger.hadoop.level = error
                """;
    }
}
