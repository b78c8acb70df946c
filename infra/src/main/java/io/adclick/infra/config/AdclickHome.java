package io.adclick.infra.config;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.stack.StartupException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository root ({@code ADCLICK_HOME}) and the built artifacts the launcher runs from it.
 */
public record AdclickHome(Path root) {
    /** The system property the build passes to the end-to-end tests. */
    public static final String SYSTEM_PROPERTY = "adclick.home";
    /** The environment variable the {@code adclick} script sets. */
    public static final String ENVIRONMENT_VARIABLE = "ADCLICK_HOME";

    public AdclickHome {
        requireNonNull(root, "root is null");
        root = root.toAbsolutePath().normalize();
    }

    /** From {@code -Dadclick.home}, else {@code ADCLICK_HOME}, else the working directory. */
    public static AdclickHome locate() {
        String property = System.getProperty(SYSTEM_PROPERTY);
        if (property != null && !property.isBlank()) {
            return new AdclickHome(Path.of(property));
        }
        String env = System.getenv(ENVIRONMENT_VARIABLE);
        return new AdclickHome(Path.of(env == null || env.isBlank() ? "." : env));
    }

    /** The classpath of the Kafka broker JVM, written by the {@code infra/runtime-kafka} build. */
    public String kafkaClasspath() {
        return readClasspath(root.resolve("infra/runtime-kafka/target/classpath.txt"));
    }

    /** The classpath of the object store JVM (S3Proxy), written by the {@code infra/runtime-s3proxy} build. */
    public String objectStoreClasspath() {
        return readClasspath(root.resolve("infra/runtime-s3proxy/target/classpath.txt"));
    }

    /** The REST catalog server's jar followed by its dependencies. */
    public String catalogClasspath() {
        Path jar = requireBuilt(root.resolve("infra/catalog-server/target/catalog-server-0.1.0.jar"));
        return jar
                + java.io.File.pathSeparator
                + readClasspath(root.resolve("infra/catalog-server/target/classpath.txt"));
    }

    /** The classpath of the Kafka Connect worker JVM, written by the {@code infra/runtime-connect} build. */
    public String connectClasspath() {
        return readClasspath(root.resolve("infra/runtime-connect/target/classpath.txt"));
    }

    /** The Connect worker's {@code plugin.path}: one directory per connector plugin (the Iceberg sink). */
    public Path connectPluginPath() {
        requireBuilt(root.resolve("infra/runtime-connect/target/classpath.txt"));
        return root.resolve("infra/runtime-connect/target/plugins");
    }

    /** The embedded Pinot's launcher jar followed by Pinot 0.11's server-side classpath ({@code infra/runtime-pinot}). */
    public String pinotClasspath() {
        Path jar = requireBuilt(root.resolve("infra/runtime-pinot/target/runtime-pinot-0.1.0.jar"));
        return jar
                + java.io.File.pathSeparator
                + readClasspath(root.resolve("infra/runtime-pinot/target/classpath.txt"));
    }

    /** The ingest edge's jar followed by its dependencies. */
    public String edgeClasspath() {
        Path jar = requireBuilt(root.resolve("ingest-edge/target/ingest-edge-0.1.0.jar"));
        return jar + java.io.File.pathSeparator + readClasspath(root.resolve("ingest-edge/target/classpath.txt"));
    }

    /** The query router's jar followed by its dependencies. */
    public String routerClasspath() {
        Path jar = requireBuilt(root.resolve("query-router/target/query-router-0.1.0.jar"));
        return jar + java.io.File.pathSeparator + readClasspath(root.resolve("query-router/target/classpath.txt"));
    }

    /** Trino's installation (lib/ and plugin/), unpacked by the {@code infra/runtime-trino} build. */
    public Path trinoInstallDir() {
        Path dir = root.resolve("infra/runtime-trino/target/trino-server-core-476");
        requireBuilt(dir.resolve("lib/io.trino_trino-main-476.jar"));
        return dir;
    }

    /** The billing truth jobs' jar followed by their dependencies (Spark, Iceberg). */
    public String batchTruthClasspath() {
        Path jar = requireBuilt(root.resolve("batch-truth/target/batch-truth-0.1.0.jar"));
        return jar + java.io.File.pathSeparator + readClasspath(root.resolve("batch-truth/target/classpath.txt"));
    }

    /** The stream estimates job's jar followed by its dependencies (Flink, the Kafka connector). */
    public String streamEstimatesClasspath() {
        Path jar = requireBuilt(root.resolve("stream-estimates/target/stream-estimates-0.1.0.jar"));
        return jar + java.io.File.pathSeparator + readClasspath(root.resolve("stream-estimates/target/classpath.txt"));
    }

    private Path requireBuilt(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StartupException(
                    "Missing %s: build first with ./mvnw -q -B -DskipTests package in %s (or run ./adclick, which builds if needed)"
                            .formatted(file, root));
        }
        return file;
    }

    private String readClasspath(Path file) {
        try {
            return Files.readString(requireBuilt(file), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new StartupException("Cannot read %s: %s".formatted(file, e.getMessage()), e);
        }
    }
}
