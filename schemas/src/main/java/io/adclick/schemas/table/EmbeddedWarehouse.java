package io.adclick.schemas.table;

import java.time.Duration;

/**
 * Where the embedded stack keeps its Iceberg tables, by default: the REST catalog, the warehouse
 * and the S3-compatible object store with its development keys, and the raw archive's retention.
 * The catalog server, the launcher and the batch jobs start from these; production overrides them.
 */
public final class EmbeddedWarehouse {
    public static final int CATALOG_PORT = 8181;
    public static final String CATALOG_URI = "http://127.0.0.1:" + CATALOG_PORT;
    public static final String WAREHOUSE = "s3://warehouse/";
    public static final int OBJECT_STORE_PORT = 9000;
    public static final String S3_ENDPOINT = "http://127.0.0.1:" + OBJECT_STORE_PORT;
    public static final String S3_ACCESS_KEY = "adclick";
    /** A development secret, for loopback only: set a real one in every deployment. */
    public static final String S3_SECRET_KEY = "adclick-dev-secret";

    public static final String S3_REGION = "us-east-1";
    public static final Duration RAW_EVENTS_RETENTION = Duration.ofDays(730);

    private EmbeddedWarehouse() {}
}
