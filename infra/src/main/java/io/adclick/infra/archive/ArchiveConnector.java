package io.adclick.infra.archive;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.config.ArchiveConfig;
import io.adclick.infra.kafka.TopicSpec;
import io.adclick.schemas.table.AdclickTables;
import io.adclick.schemas.wire.Topics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * The Iceberg sink connectors of the archive: {@link #RAW} lands {@code events.raw} in {@code
 * adclick.raw_events}; {@link #ROLLUPS} and {@link #LATE} land the stream job's outputs (read
 * committed: Flink writes them in transactions) in {@code rollups_minute} and {@code late_events}
 * for reconciliation. JSON values without embedded schemas are converted by column name into
 * the existing tables (no auto-create, no schema evolution) and committed exactly once through
 * each connector's control topic.
 */
public final class ArchiveConnector {
    /**
     * One connector: {@code topic} into {@code table}, coordinated on {@code controlTopic}.
     *
     * @param readCommitted whether the topic is written in transactions (read only committed records)
     */
    public record Sink(String name, String topic, TableIdentifier table, String controlTopic, boolean readCommitted) {
        public Sink {
            requireNonNull(name, "name is null");
            requireNonNull(topic, "topic is null");
            requireNonNull(table, "table is null");
            requireNonNull(controlTopic, "controlTopic is null");
        }

        /** The sink tasks' consumer group: its committed offsets are the connector's progress. */
        public String consumerGroup() {
            return "connect-" + name;
        }
    }

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

    public static final Sink RAW = new Sink(NAME, Topics.EVENTS_RAW, AdclickTables.RAW_EVENTS, CONTROL_TOPIC, false);
    public static final Sink ROLLUPS = new Sink(
            "rollups-archive",
            Topics.ROLLUPS_MINUTE,
            AdclickTables.ROLLUPS_MINUTE,
            "connect.iceberg.control.rollups",
            true);
    public static final Sink LATE = new Sink(
            "late-events-archive", Topics.EVENTS_LATE, AdclickTables.LATE_EVENTS, "connect.iceberg.control.late", true);
    /** Every connector, the raw archive first. */
    public static final List<Sink> ALL = List.of(RAW, ROLLUPS, LATE);

    private ArchiveConnector() {}

    /** The control topics: one partition each, kept a day (only the current commit cycle matters). */
    public static List<TopicSpec> controlTopics() {
        return ALL.stream()
                .map(sink -> TopicSpec.deleteAfter(sink.controlTopic(), 1, Duration.ofDays(1)))
                .toList();
    }

    /**
     * The connector configuration for the catalog and object store of {@code archive}. The
     * coordinator commits every commit interval and, after twice that, commits what it has.
     */
    public static Map<String, String> config(ArchiveConfig archive, Sink sink) {
        requireNonNull(archive, "archive is null");
        requireNonNull(sink, "sink is null");
        Map<String, String> c = new LinkedHashMap<>();
        c.put("connector.class", CONNECTOR_CLASS);
        c.put("tasks.max", Integer.toString(TASKS));
        c.put("topics", sink.topic());
        c.put("iceberg.tables", sink.table().toString());
        if (sink.readCommitted()) {
            c.put("consumer.override.isolation.level", "read_committed");
        }
        c.put("iceberg.tables.auto-create-enabled", "false");
        c.put("iceberg.tables.evolve-schema-enabled", "false");
        c.put("iceberg.catalog.type", "rest");
        IcebergCatalog.clientProperties(archive).forEach((key, value) -> c.put("iceberg.catalog." + key, value));
        c.put("iceberg.control.topic", sink.controlTopic());
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
