package io.adclick.infra.config;

import static java.util.Objects.requireNonNull;

import io.adclick.schemas.table.EmbeddedWarehouse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Ports, heaps and settings of the raw archive's engines: the S3-compatible object store, the
 * Iceberg REST catalog and the Kafka Connect worker. Every default is below, next to the
 * environment variable that overrides it.
 *
 * @param objectStorePort S3Proxy's HTTP port
 * @param catalogPort the REST catalog's HTTP port
 * @param connectPort the Connect worker's REST API port
 * @param s3AccessKey the object store's access key id (the catalog and the sink use it)
 * @param s3SecretKey the object store's secret key
 * @param rawEventsRetention how long {@code adclick.raw_events} keeps rows (its retention tier)
 * @param commitInterval how often the Iceberg sink commits to {@code raw_events} (archive freshness)
 * @param stallTimeout how long new records on {@code events.raw} may wait for a commit to
 *     {@code raw_events} before the archive watchdog restarts the Connect worker
 */
public record ArchiveConfig(
        int objectStorePort,
        int catalogPort,
        int connectPort,
        String objectStoreHeap,
        String catalogHeap,
        String connectHeap,
        String s3AccessKey,
        String s3SecretKey,
        Duration rawEventsRetention,
        Duration commitInterval,
        Duration stallTimeout) {

    public static final String OBJECT_STORE_PORT_ENV = "ADCLICK_OBJECT_STORE_PORT";
    public static final int DEFAULT_OBJECT_STORE_PORT = EmbeddedWarehouse.OBJECT_STORE_PORT;

    public static final String CATALOG_PORT_ENV = "ADCLICK_CATALOG_PORT";
    public static final int DEFAULT_CATALOG_PORT = EmbeddedWarehouse.CATALOG_PORT;

    public static final String CONNECT_PORT_ENV = "ADCLICK_CONNECT_PORT";
    public static final int DEFAULT_CONNECT_PORT = 8083;

    public static final String OBJECT_STORE_HEAP_ENV = "ADCLICK_OBJECT_STORE_HEAP";
    public static final String DEFAULT_OBJECT_STORE_HEAP = "256m";

    public static final String CATALOG_HEAP_ENV = "ADCLICK_CATALOG_HEAP";
    public static final String DEFAULT_CATALOG_HEAP = "256m";

    public static final String CONNECT_HEAP_ENV = "ADCLICK_CONNECT_HEAP";
    public static final String DEFAULT_CONNECT_HEAP = "768m";

    public static final String S3_ACCESS_KEY_ENV = "ADCLICK_S3_ACCESS_KEY";
    public static final String DEFAULT_S3_ACCESS_KEY = EmbeddedWarehouse.S3_ACCESS_KEY;

    public static final String S3_SECRET_KEY_ENV = "ADCLICK_S3_SECRET_KEY";
    public static final String DEFAULT_S3_SECRET_KEY = EmbeddedWarehouse.S3_SECRET_KEY;

    public static final String RAW_EVENTS_RETENTION_ENV = "ADCLICK_RAW_EVENTS_RETENTION_DAYS";
    public static final Duration DEFAULT_RAW_EVENTS_RETENTION = EmbeddedWarehouse.RAW_EVENTS_RETENTION;

    public static final String COMMIT_INTERVAL_ENV = "ADCLICK_ARCHIVE_COMMIT_INTERVAL_MS";
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(5);

    public static final String STALL_TIMEOUT_ENV = "ADCLICK_ARCHIVE_STALL_TIMEOUT_S";
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(60);

    /** The bucket of the Iceberg warehouse in the object store. */
    public static final String BUCKET = "warehouse";
    /** The region the S3 clients sign for (S3Proxy accepts any). */
    public static final String S3_REGION = EmbeddedWarehouse.S3_REGION;

    public ArchiveConfig {
        StackConfig.port("object store port (" + OBJECT_STORE_PORT_ENV + ")", objectStorePort);
        StackConfig.port("catalog port (" + CATALOG_PORT_ENV + ")", catalogPort);
        StackConfig.port("Connect port (" + CONNECT_PORT_ENV + ")", connectPort);
        StackConfig.heap(OBJECT_STORE_HEAP_ENV, objectStoreHeap);
        StackConfig.heap(CATALOG_HEAP_ENV, catalogHeap);
        StackConfig.heap(CONNECT_HEAP_ENV, connectHeap);
        requireNonNull(s3AccessKey, "s3AccessKey is null");
        requireNonNull(s3SecretKey, "s3SecretKey is null");
        if (s3AccessKey.isBlank() || s3SecretKey.isBlank()) {
            throw new IllegalArgumentException("The object store keys must not be blank: set %s and %s"
                    .formatted(S3_ACCESS_KEY_ENV, S3_SECRET_KEY_ENV));
        }
        requireNonNull(rawEventsRetention, "rawEventsRetention is null");
        if (rawEventsRetention.toDays() < 1) {
            throw new IllegalArgumentException("Invalid raw event retention: %d days (%s must be at least 1)"
                    .formatted(rawEventsRetention.toDays(), RAW_EVENTS_RETENTION_ENV));
        }
        requireNonNull(commitInterval, "commitInterval is null");
        if (commitInterval.toMillis() < 1_000) {
            throw new IllegalArgumentException("Invalid archive commit interval: %d ms (%s must be at least 1000)"
                    .formatted(commitInterval.toMillis(), COMMIT_INTERVAL_ENV));
        }
        requireNonNull(stallTimeout, "stallTimeout is null");
        if (stallTimeout.compareTo(commitInterval.multipliedBy(4)) < 0) {
            throw new IllegalArgumentException(
                    "Invalid archive stall timeout: %d s (%s must be at least four commit intervals, %d s)"
                            .formatted(
                                    stallTimeout.toSeconds(),
                                    STALL_TIMEOUT_ENV,
                                    commitInterval.multipliedBy(4).toSeconds()));
        }
    }

    /** The defaults overridden by {@code ADCLICK_*} variables from {@code env}. */
    public static ArchiveConfig fromEnvironment(Map<String, String> env) {
        requireNonNull(env, "env is null");
        return new ArchiveConfig(
                StackConfig.get(env, OBJECT_STORE_PORT_ENV, Integer::parseInt, DEFAULT_OBJECT_STORE_PORT),
                StackConfig.get(env, CATALOG_PORT_ENV, Integer::parseInt, DEFAULT_CATALOG_PORT),
                StackConfig.get(env, CONNECT_PORT_ENV, Integer::parseInt, DEFAULT_CONNECT_PORT),
                StackConfig.get(env, OBJECT_STORE_HEAP_ENV, Function.identity(), DEFAULT_OBJECT_STORE_HEAP),
                StackConfig.get(env, CATALOG_HEAP_ENV, Function.identity(), DEFAULT_CATALOG_HEAP),
                StackConfig.get(env, CONNECT_HEAP_ENV, Function.identity(), DEFAULT_CONNECT_HEAP),
                StackConfig.get(env, S3_ACCESS_KEY_ENV, Function.identity(), DEFAULT_S3_ACCESS_KEY),
                StackConfig.get(env, S3_SECRET_KEY_ENV, Function.identity(), DEFAULT_S3_SECRET_KEY),
                StackConfig.get(
                        env,
                        RAW_EVENTS_RETENTION_ENV,
                        days -> Duration.ofDays(Long.parseLong(days)),
                        DEFAULT_RAW_EVENTS_RETENTION),
                StackConfig.get(
                        env, COMMIT_INTERVAL_ENV, ms -> Duration.ofMillis(Long.parseLong(ms)), DEFAULT_COMMIT_INTERVAL),
                StackConfig.get(
                        env,
                        STALL_TIMEOUT_ENV,
                        seconds -> Duration.ofSeconds(Long.parseLong(seconds)),
                        DEFAULT_STALL_TIMEOUT));
    }

    /** {@code http://127.0.0.1:<object store port>}. */
    public String objectStoreUrl() {
        return "http://" + StackConfig.LOOPBACK + ":" + objectStorePort;
    }

    /** {@code http://127.0.0.1:<catalog port>}. */
    public String catalogUrl() {
        return "http://" + StackConfig.LOOPBACK + ":" + catalogPort;
    }

    /** {@code http://127.0.0.1:<Connect port>}. */
    public String connectUrl() {
        return "http://" + StackConfig.LOOPBACK + ":" + connectPort;
    }

    /** {@code s3://warehouse/}. */
    public String warehouse() {
        return "s3://" + BUCKET + "/";
    }
}
