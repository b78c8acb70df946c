package io.adclick.batch.config;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the Iceberg tables live: an Iceberg REST catalog on S3 (the embedded stack and production)
 * or a Hadoop catalog on a file system (tests).
 *
 * @param name the Spark catalog name the jobs address tables through, e.g. {@code iceberg}
 * @param type {@code rest} or {@code hadoop}
 * @param uri the REST catalog's URI (type {@code rest})
 * @param warehouse the warehouse location, e.g. {@code s3://warehouse/} or {@code file:/tmp/wh}
 * @param s3 the object store settings; {@code null} for a Hadoop catalog on a local file system
 */
public record CatalogConfig(String name, String type, String uri, String warehouse, S3Config s3) {
    public static final String REST = "rest";
    public static final String HADOOP = "hadoop";

    public CatalogConfig {
        requireNonNull(name, "name is null");
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException(
                    "Invalid %s: \"%s\" (use letters, digits and _)".formatted(BatchSettings.CATALOG_NAME.key(), name));
        }
        requireNonNull(type, "type is null");
        type = type.toLowerCase(Locale.ROOT);
        if (!type.equals(REST) && !type.equals(HADOOP)) {
            throw new IllegalArgumentException(
                    "Invalid %s: \"%s\" (use rest or hadoop)".formatted(BatchSettings.CATALOG_TYPE.key(), type));
        }
        requireNonNull(uri, "uri is null");
        requireNonNull(warehouse, "warehouse is null");
    }

    /** The {@code spark.sql.catalog.<name>.*} settings of this catalog. */
    public Map<String, String> sparkConf() {
        String prefix = "spark.sql.catalog." + name;
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put(prefix, "org.apache.iceberg.spark.SparkCatalog");
        conf.put(prefix + ".type", type);
        conf.put(prefix + ".warehouse", warehouse);
        if (type.equals(REST)) {
            conf.put(prefix + ".uri", uri);
        }
        if (s3 != null) {
            conf.put(prefix + ".io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
            s3.catalogProperties().forEach((key, value) -> conf.put(prefix + "." + key, value));
        }
        return conf;
    }

    /**
     * The S3-compatible object store the tables' files are in.
     *
     * @param endpoint e.g. {@code http://127.0.0.1:9000}
     * @param accessKey the access key id
     * @param secretKey the secret access key
     * @param region the region requests are signed for
     * @param pathStyle whether buckets are addressed as a path (S3Proxy, MinIO) rather than a host
     */
    public record S3Config(String endpoint, String accessKey, String secretKey, String region, boolean pathStyle) {
        public S3Config {
            requireNonNull(endpoint, "endpoint is null");
            requireNonNull(accessKey, "accessKey is null");
            requireNonNull(secretKey, "secretKey is null");
            requireNonNull(region, "region is null");
        }

        Map<String, String> catalogProperties() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("s3.endpoint", endpoint);
            p.put("s3.path-style-access", Boolean.toString(pathStyle));
            p.put("s3.access-key-id", accessKey);
            p.put("s3.secret-access-key", secretKey);
            p.put("client.region", region);
            return p;
        }

        @Override
        public String toString() {
            return "S3Config[endpoint=%s, accessKey=%s, region=%s, pathStyle=%s]"
                    .formatted(endpoint, accessKey, region, pathStyle);
        }
    }
}
