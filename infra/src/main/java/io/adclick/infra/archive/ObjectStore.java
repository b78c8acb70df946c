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
 * The S3-compatible object store of the embedded stack: S3Proxy in a child JVM on loopback, its
 * buckets directories under {@code <state>/objectstore/data} (the bucket {@code warehouse} holds
 * the Iceberg tables). Production points the same settings at real S3.
 */
public final class ObjectStore extends ChildProcessComponent {
    public static final String NAME = "objectstore";
    public static final String MAIN_CLASS = "org.gaul.s3proxy.Main";

    public ObjectStore(StackConfig config, Consumer<ChildExit> onUnexpectedExit) {
        super(NAME, "The object store", config, onUnexpectedExit);
    }

    /** The directory that holds one directory per bucket. */
    public Path dataDir() {
        return config.objectStoreDir().resolve("data");
    }

    private Path propertiesFile() {
        return config.objectStoreDir().resolve("s3proxy.properties");
    }

    /** S3Proxy's settings: loopback endpoint, signed requests only, filesystem backend. */
    static Map<String, String> properties(ArchiveConfig archive, Path dataDir) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("s3proxy.endpoint", archive.objectStoreUrl());
        p.put("s3proxy.authorization", "aws-v2-or-v4");
        p.put("s3proxy.identity", archive.s3AccessKey());
        p.put("s3proxy.credential", archive.s3SecretKey());
        p.put("jclouds.provider", "filesystem");
        p.put("jclouds.filesystem.basedir", dataDir.toString());
        return p;
    }

    @Override
    protected void prepare() {
        try {
            Files.createDirectories(dataDir().resolve(ArchiveConfig.BUCKET));
            StringBuilder text = new StringBuilder("# Written by adclick up: edit StackConfig, not this file.\n");
            properties(config.archive(), dataDir())
                    .forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            Files.writeString(propertiesFile(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot prepare the object store in %s: %s".formatted(config.objectStoreDir(), e.getMessage()), e);
        }
    }

    @Override
    protected boolean processesInBackground() {
        return true;
    }

    @Override
    protected List<String> command() {
        return JavaCommand.of(MAIN_CLASS)
                .component(NAME)
                .maxHeap(config.archive().objectStoreHeap())
                .jvmOption("-XX:+UseSerialGC")
                .jvmOption("-Djava.awt.headless=true")
                .classpath(config.home().objectStoreClasspath())
                .argument("--properties")
                .argument(propertiesFile())
                .toCommand();
    }

    @Override
    protected Path workingDirectory() {
        return config.objectStoreDir();
    }

    @Override
    protected Health probe() {
        return HttpProbe.answers(URI.create(config.archive().objectStoreUrl() + "/"));
    }

    @Override
    protected String readiness() {
        return "answer HTTP on " + config.archive().objectStoreUrl();
    }

    @Override
    protected int port() {
        return config.archive().objectStorePort();
    }

    @Override
    protected String address() {
        return config.archive().objectStoreUrl();
    }
}
