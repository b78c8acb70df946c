package io.adclick.infra.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.adclick.infra.archive.IcebergCatalog;
import io.adclick.infra.config.ArchiveConfig;
import io.adclick.infra.config.QueryConfig;
import io.adclick.infra.config.StackConfig;
import io.adclick.infra.process.ChildExit;
import io.adclick.infra.process.ChildProcessComponent;
import io.adclick.infra.process.JavaCommand;
import io.adclick.infra.stack.Health;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A single-node Trino coordinator (the {@code infra/runtime-trino} installation) on a Java 22+
 * runtime, with one catalog, {@code iceberg}, on the stack's REST catalog and object store. Ready
 * when {@code GET /v1/info} says {@code "starting":false}; then a few warm-up queries run in the
 * background so that the first user query does not pay for class loading and JIT.
 */
public final class Trino extends ChildProcessComponent {
    public static final String NAME = "trino";
    public static final String MAIN_CLASS = "io.trino.server.TrinoServer";

    /** Trino's own JVM settings (its documented jvm.config) besides the heap. */
    static final List<String> JVM_OPTIONS = List.of(
            "-XX:+UseG1GC",
            "-XX:G1HeapRegionSize=32M",
            "-XX:+ExplicitGCInvokesConcurrent",
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:-OmitStackTraceInFastThrow",
            "-XX:ReservedCodeCacheSize=256M",
            "-XX:PerMethodRecompilationCutoff=10000",
            "-XX:PerBytecodeRecompilationCutoff=10000",
            "-Djdk.attach.allowAttachSelf=true",
            "-Djdk.nio.maxCachedBufferSize=2000000",
            "-Dfile.encoding=UTF-8",
            "-XX:+EnableDynamicAgentLoading",
            "--enable-native-access=ALL-UNNAMED");

    /** Queries that load the Iceberg connector's and the engine's hot paths once. */
    static final List<String> WARM_UP = List.of(
            "SHOW TABLES",
            "SELECT count(*) FROM billing_daily",
            "SELECT count(*) FROM billing_hourly",
            "SELECT snapshot_id FROM \"billing_daily$history\" WHERE is_current_ancestor ORDER BY made_current_at DESC LIMIT 1",
            "SELECT max(partition_end) FROM job_runs WHERE job = 'hourly'");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    public Trino(StackConfig config, Consumer<ChildExit> onUnexpectedExit) {
        super(NAME, "Trino", config, onUnexpectedExit);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return URI.create(config.query().trinoUrl());
    }

    private Path etcDir() {
        return config.trinoDir().resolve("etc");
    }

    /** {@code etc/node.properties}. */
    static Map<String, String> nodeProperties(StackConfig config) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("node.environment", "adclick");
        p.put("node.id", "adclick-coordinator");
        p.put("node.data-dir", config.trinoDir().resolve("data").toString());
        p.put("node.bind-ip", StackConfig.LOOPBACK);
        p.put("node.internal-address", StackConfig.LOOPBACK);
        return p;
    }

    /** {@code etc/config.properties}: one coordinator that also runs tasks, on loopback. */
    static Map<String, String> serverProperties(StackConfig config, Path installDir) {
        QueryConfig query = config.query();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("coordinator", "true");
        p.put("node-scheduler.include-coordinator", "true");
        p.put("http-server.http.port", Integer.toString(query.trinoPort()));
        p.put("discovery.uri", query.trinoUrl());
        p.put("query.max-memory", "1GB");
        p.put("query.max-memory-per-node", "1GB");
        p.put("plugin.dir", installDir.resolve("plugin").toString());
        p.put(
                "catalog.config-dir",
                config.trinoDir().resolve("etc").resolve("catalog").toString());
        return p;
    }

    /** {@code etc/catalog/iceberg.properties}: the stack's REST catalog and object store. */
    static Map<String, String> icebergCatalog(ArchiveConfig archive) {
        Map<String, String> client = IcebergCatalog.clientProperties(archive);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("connector.name", "iceberg");
        p.put("iceberg.catalog.type", "rest");
        p.put("iceberg.rest-catalog.uri", client.get("uri"));
        p.put("fs.native-s3.enabled", "true");
        p.put("s3.endpoint", archive.objectStoreUrl());
        p.put("s3.path-style-access", "true");
        p.put("s3.region", ArchiveConfig.S3_REGION);
        p.put("s3.aws-access-key", archive.s3AccessKey());
        p.put("s3.aws-secret-key", archive.s3SecretKey());
        return p;
    }

    @Override
    protected void prepare() {
        Path installDir = config.home().trinoInstallDir();
        try {
            Files.createDirectories(etcDir().resolve("catalog"));
            Files.createDirectories(config.trinoDir().resolve("data"));
            write(etcDir().resolve("node.properties"), nodeProperties(config));
            write(etcDir().resolve("config.properties"), serverProperties(config, installDir));
            write(etcDir().resolve("catalog").resolve("iceberg.properties"), icebergCatalog(config.archive()));
            List<String> jvm = new ArrayList<>();
            jvm.add("-Xmx" + config.query().trinoHeap());
            jvm.addAll(JVM_OPTIONS);
            Files.write(etcDir().resolve("jvm.config"), jvm);
            Files.writeString(etcDir().resolve("log.properties"), "io.trino=INFO\n");
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot write Trino's configuration in " + etcDir() + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, Map<String, String> properties) throws IOException {
        StringBuilder text = new StringBuilder("# Written by adclick at each start: edit StackConfig instead.\n");
        properties.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Files.writeString(file, text);
    }

    /** The JVM's command line: what Trino's launcher would run, with adclick's component marker. */
    @Override
    protected List<String> command() {
        Path java = TrinoJava.locate(config.query().trinoJavaHome(), TrinoJava.SYSTEM_JVM_DIR);
        Path installDir = config.home().trinoInstallDir();
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add(JavaCommand.marker(NAME));
        command.add("-Xmx" + config.query().trinoHeap());
        command.addAll(JVM_OPTIONS);
        nodeProperties(config).forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-Dconfig=" + etcDir().resolve("config.properties"));
        command.add("-Dlog.levels-file=" + etcDir().resolve("log.properties"));
        command.add("-cp");
        command.add(installDir.resolve("lib") + "/*");
        command.add(MAIN_CLASS);
        return List.copyOf(command);
    }

    @Override
    protected Path workingDirectory() {
        return config.trinoDir();
    }

    @Override
    protected Duration startTimeout() {
        return config.query().trinoStartTimeout();
    }

    @Override
    protected Health probe() {
        return probe(baseUrl());
    }

    /** {@code GET /v1/info}: healthy once {@code "starting":false}. */
    public static Health probe(URI baseUrl) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(baseUrl.resolve("/v1/info"))
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Health.down("GET /v1/info: HTTP " + response.statusCode());
            }
            boolean starting = JSON.readTree(response.body()).path("starting").asBoolean(true);
            return starting ? Health.down("starting") : Health.up("GET /v1/info: started");
        } catch (IOException e) {
            return Health.down("no answer on " + baseUrl);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down("interrupted");
        }
    }

    @Override
    protected void afterStart() {
        Thread warmUp = new Thread(this::warmUp, "trino-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** Runs {@link #WARM_UP}; a table that does not exist yet only makes its query fail. */
    public void warmUp() {
        for (String sql : WARM_UP) {
            TrinoStatements.run(baseUrl(), sql, Duration.ofSeconds(60));
        }
    }

    @Override
    protected String readiness() {
        return "say \"starting\":false on GET %s/v1/info"
                .formatted(config.query().trinoUrl());
    }

    @Override
    protected int port() {
        return config.query().trinoPort();
    }

    @Override
    protected String address() {
        return config.query().trinoUrl();
    }
}
