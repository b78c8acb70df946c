package io.adclick.infra.archive;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.kafka.TopicSpec;
import io.adclick.infra.stack.ArchiveConfig;
import io.adclick.schemas.table.AdclickTables;
import io.adclick.schemas.wire.Topics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Iceberg sink connector that lands {@code events.raw} in {@code adclick.raw_events}: JSON
 * values without embedded schemas, converted by column name into the existing table (no
 * auto-create, no schema evolution), committed exactly once through the sink's control topic.
 */
public final class ArchiveConnector {
    /** The connector's name; its sink tasks' consumer group is {@code connect-<name>}. */
    public static final String NAME = "raw-events-archive";
    /** The consumer group whose committed offsets are the archive's progress. */
    public static final String CONSUMER_GROUP = "connect-" + NAME;
    /** The sink's coordination topic, created by the launcher with the contract's topics. */
    public static final String CONTROL_TOPIC = "connect.iceberg.control";
    /**
     * Sink tasks per connector. One: with several tasks in one worker, Iceberg 1.10's sink can
     * elect a second commit coordinator on a rebalance and leave the first one running with a
     * closed catalog client (apache/iceberg#16016, #17637), after which no commit lands. One task
     * keeps up with the embedded default's traffic; scale a production archive with more
     * connectors or workers, and keep {@link ArchiveWatchdog} running.
     */
    public static final int TASKS = 1;

    public static final String CONNECTOR_CLASS = "org.apache.iceberg.connect.IcebergSinkConnector";

    private ArchiveConnector() {}

    /** The control topic: one partition, kept a day (only the current commit cycle matters). */
    public static TopicSpec controlTopic() {
        return TopicSpec.deleteAfter(CONTROL_TOPIC, 1, Duration.ofDays(1));
    }

    /**
     * The connector configuration for the catalog and object store of {@code archive}. The
     * coordinator commits every commit interval and, after twice that, commits what it has.
     */
    public static Map<String, String> config(ArchiveConfig archive) {
        requireNonNull(archive, "archive is null");
        Map<String, String> c = new LinkedHashMap<>();
        c.put("connector.class", CONNECTOR_CLASS);
        c.put("tasks.max", Integer.toString(TASKS));
        c.put("topics", Topics.EVENTS_RAW);
        c.put("iceberg.tables", AdclickTables.RAW_EVENTS.toString());
        c.put("iceberg.tables.auto-create-enabled", "false");
        c.put("iceberg.tables.evolve-schema-enabled", "false");
        c.put("iceberg.catalog.type", "rest");
        IcebergCatalog.clientProperties(archive).forEach((key, value) -> c.put("iceberg.catalog." + key, value));
        c.put("iceberg.control.topic", CONTROL_TOPIC);
        c.put(
                "iceberg.control.commit.interval-ms",
                Long.toString(archive.commitInterval().toMillis()));
        c.put(
                "iceberg.control.commit.timeout-ms",
                Long.toString(archive.commitInterval().multipliedBy(2).toMillis()));
        c.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        c.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        c.put("value.converter.schemas.enable", "false");
        // A record the sink cannot convert stops the task: the archive must not skip raw events silently.
        c.put("errors.tolerance", "none");
        return c;
    }
}
