package io.adclick.catalog;

import static java.util.Objects.requireNonNull;

import io.adclick.schemas.table.EmbeddedWarehouse;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * The configuration of the embedded REST catalog server, read from {@code adclick.catalog.*}
 * system properties (the launcher passes them on the command line). Every key and default is
 * below.
 *
 * @param host the address the HTTP server binds
 * @param port the HTTP port of the REST API
 * @param database the SQLite file that holds the catalog (table name to metadata location)
 * @param warehouse where new tables' data and metadata go, e.g. {@code s3://warehouse/}
 * @param s3Endpoint the S3-compatible object store
 * @param s3AccessKey the object store's access key id
 * @param s3SecretKey the object store's secret key
 * @param s3Region the region the S3 client signs for
 * @param rawEventsRetention how long raw events are kept (the retention tier of {@code raw_events})
 */
public record CatalogServerConfig(
        String host,
        int port,
        Path database,
        String warehouse,
        URI s3Endpoint,
        String s3AccessKey,
        String s3SecretKey,
        String s3Region,
        Duration rawEventsRetention) {

    public static final String HOST = "adclick.catalog.host";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String PORT = "adclick.catalog.port";
    public static final int DEFAULT_PORT = EmbeddedWarehouse.CATALOG_PORT;
    public static final String DATABASE = "adclick.catalog.database";
    public static final String DEFAULT_DATABASE = "catalog.db";
    public static final String WAREHOUSE = "adclick.catalog.warehouse";
    public static final String DEFAULT_WAREHOUSE = EmbeddedWarehouse.WAREHOUSE;
    public static final String S3_ENDPOINT = "adclick.catalog.s3.endpoint";
    public static final String DEFAULT_S3_ENDPOINT = EmbeddedWarehouse.S3_ENDPOINT;
    public static final String S3_ACCESS_KEY = "adclick.catalog.s3.access-key";
    public static final String DEFAULT_S3_ACCESS_KEY = EmbeddedWarehouse.S3_ACCESS_KEY;
    public static final String S3_SECRET_KEY = "adclick.catalog.s3.secret-key";
    public static final String DEFAULT_S3_SECRET_KEY = EmbeddedWarehouse.S3_SECRET_KEY;
    public static final String S3_REGION = "adclick.catalog.s3.region";
    public static final String DEFAULT_S3_REGION = EmbeddedWarehouse.S3_REGION;
    public static final String RAW_EVENTS_RETENTION_DAYS = "adclick.catalog.retention.raw-events-days";
    public static final Duration DEFAULT_RAW_EVENTS_RETENTION = EmbeddedWarehouse.RAW_EVENTS_RETENTION;

    public CatalogServerConfig {
        requireNonNull(host, "host is null");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("Invalid %s: %d (use 1-65535)".formatted(PORT, port));
        }
        requireNonNull(database, "database is null");
        database = database.toAbsolutePath().normalize();
        requireNonNull(warehouse, "warehouse is null");
        if (!warehouse.startsWith("s3://")) {
            throw new IllegalArgumentException(
                    "Invalid %s: %s (use an s3:// location, e.g. s3://warehouse/)".formatted(WAREHOUSE, warehouse));
        }
        requireNonNull(s3Endpoint, "s3Endpoint is null");
        requireNonNull(s3AccessKey, "s3AccessKey is null");
        requireNonNull(s3SecretKey, "s3SecretKey is null");
        requireNonNull(s3Region, "s3Region is null");
        requireNonNull(rawEventsRetention, "rawEventsRetention is null");
        if (rawEventsRetention.toDays() < 1) {
            throw new IllegalArgumentException("Invalid %s: %d (keep raw events at least one day)"
                    .formatted(RAW_EVENTS_RETENTION_DAYS, rawEventsRetention.toDays()));
        }
    }

    /** The defaults, overridden by the {@code adclick.catalog.*} entries of {@code properties}. */
    public static CatalogServerConfig from(Properties properties) {
        requireNonNull(properties, "properties is null");
        return new CatalogServerConfig(
                get(properties, HOST, Function.identity(), DEFAULT_HOST),
                get(properties, PORT, Integer::parseInt, DEFAULT_PORT),
                get(properties, DATABASE, Path::of, Path.of(DEFAULT_DATABASE)),
                get(properties, WAREHOUSE, Function.identity(), DEFAULT_WAREHOUSE),
                get(properties, S3_ENDPOINT, URI::create, URI.create(DEFAULT_S3_ENDPOINT)),
                get(properties, S3_ACCESS_KEY, Function.identity(), DEFAULT_S3_ACCESS_KEY),
                get(properties, S3_SECRET_KEY, Function.identity(), DEFAULT_S3_SECRET_KEY),
                get(properties, S3_REGION, Function.identity(), DEFAULT_S3_REGION),
                get(
                        properties,
                        RAW_EVENTS_RETENTION_DAYS,
                        days -> Duration.ofDays(Long.parseLong(days)),
                        DEFAULT_RAW_EVENTS_RETENTION));
    }

    /** The properties of the {@code JdbcCatalog} behind the REST API (SQLite, S3FileIO). */
    public Map<String, String> catalogProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("uri", "jdbc:sqlite:" + database);
        p.put("jdbc.schema-version", "V1");
        p.put("warehouse", warehouse);
        p.put("io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
        p.putAll(s3Properties());
        return p;
    }

    /** The S3 settings every client of this catalog repeats ({@code /v1/config} hands out none). */
    public Map<String, String> s3Properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("s3.endpoint", s3Endpoint.toString());
        p.put("s3.path-style-access", "true");
        p.put("s3.access-key-id", s3AccessKey);
        p.put("s3.secret-access-key", s3SecretKey);
        p.put("client.region", s3Region);
        return p;
    }

    private static <T> T get(Properties properties, String key, Function<String, T> parse, T fallback) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(value.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid %s=\"%s\": %s".formatted(key, value, e.getMessage()), e);
        }
    }
}
