package io.adclick.infra.kafka;

import io.adclick.infra.config.StackConfig;
import io.adclick.infra.process.ChildExit;
import io.adclick.infra.process.ChildProcess;
import io.adclick.infra.process.ChildProcessComponent;
import io.adclick.infra.process.JavaCommand;
import io.adclick.infra.stack.Health;
import io.adclick.infra.stack.StartupException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * An Apache Kafka broker (KRaft, combined broker and controller) in a child JVM, its data under
 * {@code <state>/kafka/data}. The storage is formatted on first start; the contract's topics are
 * created once it answers.
 */
public final class KafkaBroker extends ChildProcessComponent {
    public static final String NAME = "kafka";
    public static final String MAIN_CLASS = "kafka.Kafka";
    static final String STORAGE_TOOL = "kafka.tools.StorageTool";

    private final List<TopicSpec> topics;

    /**
     * @param topics created (when missing) once the broker is up
     * @param onUnexpectedExit told when the broker dies on its own
     */
    public KafkaBroker(StackConfig config, List<TopicSpec> topics, Consumer<ChildExit> onUnexpectedExit) {
        super(NAME, "Kafka", config, onUnexpectedExit);
        this.topics = List.copyOf(topics);
    }

    /** {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return config.kafkaBootstrap();
    }

    private Path serverProperties() {
        return config.kafkaDir().resolve("server.properties");
    }

    @Override
    protected void prepare() {
        writeConfiguration();
        formatStorageOnce(serverProperties());
    }

    @Override
    protected List<String> command() {
        return brokerCommand(serverProperties(), MAIN_CLASS)
                .argument(serverProperties())
                .toCommand();
    }

    @Override
    protected Path workingDirectory() {
        return config.kafkaDir();
    }

    @Override
    protected Health probe() {
        return portOpen(config.kafkaPort())
                ? probe(bootstrapServers(), Duration.ofSeconds(3))
                : Health.down("port " + config.kafkaPort() + " closed");
    }

    @Override
    protected String readiness() {
        return "become ready on " + bootstrapServers();
    }

    @Override
    protected void afterStart() {
        try (Admin admin = admin()) {
            new TopicCreator(admin, Duration.ofSeconds(30)).ensure(topics);
        }
    }

    @Override
    protected int port() {
        return config.kafkaPort();
    }

    @Override
    protected String address() {
        return bootstrapServers();
    }

    /** Whether a broker answers on {@code bootstrapServers} within {@code timeout}. */
    public static Health probe(String bootstrapServers, Duration timeout) {
        try (Admin admin = Admin.create(adminProperties(bootstrapServers, timeout))) {
            int nodes = admin.describeCluster()
                    .nodes()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .size();
            return Health.up(nodes + " node(s)");
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Health.down("no answer on " + bootstrapServers + " within " + timeout.toSeconds() + " s");
        }
    }

    /** An admin client on this broker; close it. */
    public Admin admin() {
        return Admin.create(adminProperties(bootstrapServers(), Duration.ofSeconds(10)));
    }

    private void writeConfiguration() {
        Path dir = config.kafkaDir();
        try {
            Files.createDirectories(dir.resolve("data"));
            Path serverProperties = dir.resolve("server.properties");
            Files.writeString(
                    serverProperties, BrokerProperties.toText(BrokerProperties.of(config, dir.resolve("data"))));
            Files.writeString(dir.resolve("log4j2.properties"), BrokerProperties.log4j2Text());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Kafka configuration in " + dir + ": " + e.getMessage(), e);
        }
    }

    private void formatStorageOnce(Path serverProperties) {
        if (Files.exists(config.kafkaDir().resolve("data").resolve("meta.properties"))) {
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        ChildProcess format = ChildProcess.start(
                NAME + "-format",
                brokerCommand(serverProperties, STORAGE_TOOL)
                        .argument("format")
                        .argument("-t")
                        .argument(clusterId)
                        .argument("-c")
                        .argument(serverProperties)
                        .toCommand(),
                Map.of(),
                config.kafkaDir(),
                log(),
                exit -> {});
        int exitCode = format.awaitExit(config.startTimeout());
        if (exitCode != 0) {
            throw new StartupException(
                    "Formatting the Kafka storage failed with code %d: see %s".formatted(exitCode, log()));
        }
    }

    private JavaCommand brokerCommand(Path serverProperties, String mainClass) {
        return JavaCommand.of(mainClass)
                .component(NAME)
                .maxHeap(config.kafkaHeap())
                .jvmOption("-XX:+UseG1GC")
                .jvmOption("-Djava.awt.headless=true")
                .systemProperty(
                        "log4j2.configurationFile",
                        serverProperties.resolveSibling("log4j2.properties").toUri())
                .classpath(config.home().kafkaClasspath());
    }

    private static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(StackConfig.LOOPBACK, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Properties adminProperties(String bootstrapServers, Duration timeout) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        return properties;
    }
}
