package io.adclick.infra.pinot;

import io.adclick.infra.archive.HttpProbe;
import io.adclick.infra.config.PinotConfig;
import io.adclick.infra.config.StackConfig;
import io.adclick.infra.process.ChildExit;
import io.adclick.infra.process.ChildProcessComponent;
import io.adclick.infra.process.JavaCommand;
import io.adclick.infra.stack.Health;
import io.adclick.schemas.pinot.PinotBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Apache Pinot 0.11 ({@code infra/runtime-pinot}) in one child JVM: ZooKeeper, controller, broker
 * and server, all on loopback. Ready when the broker answers; then it creates the schema and the
 * REALTIME upsert table {@code rollups_minute} on {@code rollups.minute} (idempotent) and waits
 * until the broker can query it.
 */
public final class Pinot extends ChildProcessComponent {
    public static final String NAME = "pinot";
    public static final String MAIN_CLASS = "io.adclick.pinot.PinotLauncher";

    /** Java 17 needs these for Pinot 0.11's off-heap buffers and reflection (see STACK.md). */
    private static final List<String> JAVA_17_OPENS = List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED");

    private static final String LOG_CONFIG =
            """
            status = warn
            appender.console.type = Console
            appender.console.name = console
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = %d{ISO8601} %-5p [%c{1}] [%t] %m%n
            rootLogger.level = warn
            rootLogger.appenderRef.console.ref = console
            logger.admin.name = org.apache.pinot.tools.admin
            logger.admin.level = info
            logger.realtime.name = org.apache.pinot.core.data.manager.realtime
            logger.realtime.level = info
            """;

    public Pinot(StackConfig config, Consumer<ChildExit> onUnexpectedExit) {
        super(NAME, "Pinot", config, onUnexpectedExit);
    }

    /** The broker's base URL (queries). */
    public String brokerUrl() {
        return config.pinot().brokerUrl();
    }

    /** The controller's base URL (schemas, tables, UI). */
    public String controllerUrl() {
        return config.pinot().controllerUrl();
    }

    @Override
    protected void prepare() {
        Path dir = config.pinotDir();
        try {
            Files.createDirectories(confDir());
            Files.createDirectories(dir.resolve("plugins"));
            PinotConfig pinot = config.pinot();
            write(confDir().resolve("controller.conf"), PinotBootstrap.controller(pinot, dir));
            write(confDir().resolve("broker.conf"), PinotBootstrap.broker(pinot));
            write(confDir().resolve("server.conf"), PinotBootstrap.server(pinot, dir));
            Files.writeString(confDir().resolve("log4j2.properties"), LOG_CONFIG, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot write Pinot's configuration under " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected boolean processesInBackground() {
        return true;
    }

    @Override
    protected List<String> command() {
        Path dir = config.pinotDir();
        JavaCommand command = JavaCommand.of(MAIN_CLASS)
                .component(NAME)
                .maxHeap(config.pinot().heap())
                .jvmOption("-XX:+UseG1GC")
                .jvmOption("-XX:MaxDirectMemorySize=1g")
                .jvmOption("-Djava.awt.headless=true");
        JAVA_17_OPENS.forEach(command::jvmOption);
        return command.systemProperty("plugins.dir", dir.resolve("plugins"))
                .systemProperty("zookeeper.admin.enableServer", "false")
                .systemProperty("log4j2.configurationFile", confDir().resolve("log4j2.properties"))
                .classpath(config.home().pinotClasspath())
                .argument(config.pinot().zookeeperPort())
                .argument(dir.resolve("zookeeper"))
                .argument(PinotConfig.CLUSTER)
                .argument(confDir().resolve("controller.conf"))
                .argument(confDir().resolve("broker.conf"))
                .argument(confDir().resolve("server.conf"))
                .toCommand();
    }

    @Override
    protected Path workingDirectory() {
        return config.pinotDir();
    }

    @Override
    protected Health probe() {
        // the server starts last: a table created before it has registered is refused ("no instances with tag")
        Health server = HttpProbe.answers(URI.create(serverAdminUrl() + "/health"));
        return server.healthy() ? probe(URI.create(brokerUrl())) : Health.down("server: " + server.detail());
    }

    /** Healthy when the broker at {@code brokerUrl} answers its health check. */
    public static Health probe(URI brokerUrl) {
        return HttpProbe.answers(brokerUrl.resolve("/health"));
    }

    @Override
    protected String readiness() {
        return "answer GET %s/health and GET %s/health".formatted(serverAdminUrl(), brokerUrl());
    }

    private String serverAdminUrl() {
        return "http://" + StackConfig.LOOPBACK + ":" + config.pinot().serverAdminPort();
    }

    @Override
    protected void afterStart() {
        RollupsTable table = new RollupsTable(URI.create(controllerUrl()), config.kafkaBootstrap());
        table.ensure();
        // after a crash the server reloads its segments and re-reads Kafka before it answers: allow more
        table.awaitQueryable(
                new PinotBroker(URI.create(brokerUrl())), config.startTimeout().multipliedBy(2));
    }

    @Override
    protected int port() {
        return config.pinot().brokerPort();
    }

    @Override
    protected String address() {
        return brokerUrl();
    }

    private Path confDir() {
        return config.pinotDir().resolve("conf");
    }

    private static void write(Path file, Map<String, String> properties) throws IOException {
        String text = properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
