package io.adclick.infra.archive;

import io.adclick.infra.config.ArchiveConfig;
import io.adclick.infra.config.StackConfig;
import io.adclick.infra.process.ChildExit;
import io.adclick.infra.process.ChildProcessComponent;
import io.adclick.infra.process.JavaCommand;
import io.adclick.infra.stack.Health;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Iceberg REST catalog of the embedded stack (the {@code infra/catalog-server} module) in a
 * child JVM: a JDBC catalog in {@code <state>/catalog/catalog.db}, table files in the object
 * store's {@code warehouse} bucket. It creates {@code adclick.raw_events} before it answers.
 */
public final class IcebergCatalog extends ChildProcessComponent {
    public static final String NAME = "catalog";
    public static final String MAIN_CLASS = "io.adclick.catalog.CatalogServer";

    public IcebergCatalog(StackConfig config, Consumer<ChildExit> onUnexpectedExit) {
        super(NAME, "The Iceberg catalog", config, onUnexpectedExit);
    }

    /** The {@code adclick.catalog.*} settings of the server (keys of its {@code CatalogServerConfig}). */
    static Map<String, String> serverProperties(StackConfig config) {
        ArchiveConfig archive = config.archive();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("adclick.catalog.host", StackConfig.LOOPBACK);
        p.put("adclick.catalog.port", Integer.toString(archive.catalogPort()));
        p.put(
                "adclick.catalog.database",
                config.catalogDir().resolve("catalog.db").toString());
        p.put("adclick.catalog.warehouse", archive.warehouse());
        p.put("adclick.catalog.s3.endpoint", archive.objectStoreUrl());
        p.put("adclick.catalog.s3.access-key", archive.s3AccessKey());
        p.put("adclick.catalog.s3.secret-key", archive.s3SecretKey());
        p.put("adclick.catalog.s3.region", ArchiveConfig.S3_REGION);
        p.put(
                "adclick.catalog.retention.raw-events-days",
                Long.toString(archive.rawEventsRetention().toDays()));
        return p;
    }

    /** What every Iceberg client of this catalog needs (the REST catalog hands out no S3 settings). */
    public static Map<String, String> clientProperties(ArchiveConfig archive) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("uri", archive.catalogUrl());
        p.put("io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
        p.put("s3.endpoint", archive.objectStoreUrl());
        p.put("s3.path-style-access", "true");
        p.put("s3.access-key-id", archive.s3AccessKey());
        p.put("s3.secret-access-key", archive.s3SecretKey());
        p.put("client.region", ArchiveConfig.S3_REGION);
        return p;
    }

    @Override
    protected void prepare() {
        try {
            Files.createDirectories(config.catalogDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + config.catalogDir() + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected boolean processesInBackground() {
        return true;
    }

    @Override
    protected List<String> command() {
        JavaCommand command = JavaCommand.of(MAIN_CLASS)
                .component(NAME)
                .maxHeap(config.archive().catalogHeap())
                .jvmOption("-XX:+UseSerialGC")
                .jvmOption("-Djava.awt.headless=true")
                .systemProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn")
                .systemProperty("org.slf4j.simpleLogger.log.io.adclick", "info");
        serverProperties(config).forEach(command::systemProperty);
        return command.classpath(config.home().catalogClasspath()).toCommand();
    }

    @Override
    protected Path workingDirectory() {
        return config.catalogDir();
    }

    @Override
    protected Health probe() {
        return HttpProbe.answers(URI.create(config.archive().catalogUrl() + "/v1/config"));
    }

    @Override
    protected String readiness() {
        return "answer GET %s/v1/config".formatted(config.archive().catalogUrl());
    }

    @Override
    protected int port() {
        return config.archive().catalogPort();
    }

    @Override
    protected String address() {
        return config.archive().catalogUrl();
    }
}
