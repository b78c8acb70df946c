package io.adclick.infra.kafka;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.stack.ChildExit;
import io.adclick.infra.stack.ChildProcess;
import io.adclick.infra.stack.ComponentRecord;
import io.adclick.infra.stack.Health;
import io.adclick.infra.stack.JavaCommand;
import io.adclick.infra.stack.ManagedComponent;
import io.adclick.infra.stack.StackConfig;
import io.adclick.infra.stack.StartupException;
import io.adclick.infra.stack.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
public final class KafkaBroker implements ManagedComponent {
    public static final String NAME = "kafka";
    public static final String MAIN_CLASS = "kafka.Kafka";
    static final String STORAGE_TOOL = "kafka.tools.StorageTool";
    private static final Duration POLL = Duration.ofMillis(250);

    private final StackConfig config;
    private final List<TopicSpec> topics;
    private final Consumer<ChildExit> onUnexpectedExit;
    private volatile ChildProcess process;

    /**
     * @param topics created (when missing) once the broker is up
     * @param onUnexpectedExit told when the broker dies on its own
     */
    public KafkaBroker(StackConfig config, List<TopicSpec> topics, Consumer<ChildExit> onUnexpectedExit) {
        this.config = requireNonNull(config, "config is null");
        this.topics = List.copyOf(topics);
        this.onUnexpectedExit = requireNonNull(onUnexpectedExit, "onUnexpectedExit is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return config.kafkaBootstrap();
    }

    public Path log() {
        return config.logFile(NAME);
    }

    @Override
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("Kafka is already running as pid " + process.pid());
        }
        Path serverProperties = writeConfiguration();
        formatStorageOnce(serverProperties);
        process = ChildProcess.start(
                NAME,
                brokerCommand(serverProperties, MAIN_CLASS)
                        .argument(serverProperties)
                        .toCommand(),
                Map.of(),
                config.kafkaDir(),
                log(),
                onUnexpectedExit);
        awaitReady();
        try (Admin admin = admin()) {
            new TopicCreator(admin, Duration.ofSeconds(30)).ensure(topics);
        }
    }

    @Override
    public Health health() {
        if (process == null || !process.isAlive()) {
            return Health.down("not running");
        }
        return probe(bootstrapServers(), Duration.ofSeconds(5));
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

    @Override
    public synchronized void stop() {
        if (process != null) {
            process.stop(config.stopTimeout());
        }
    }

    /** Ends the broker with SIGKILL, as a crash would (for tests). */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
        }
    }

    @Override
    public Optional<ComponentRecord> record() {
        ChildProcess child = process;
        if (child == null) {
            return Optional.empty();
        }
        return Optional.of(new ComponentRecord(
                NAME,
                child.pid(),
                child.startedAt(),
                JavaCommand.marker(NAME),
                config.kafkaPort(),
                bootstrapServers(),
                log().toString()));
    }

    /** An admin client on this broker; close it. */
    public Admin admin() {
        return Admin.create(adminProperties(bootstrapServers(), Duration.ofSeconds(10)));
    }

    private void awaitReady() {
        Duration timeout = config.startTimeout();
        boolean ready = Waits.until(timeout, POLL, () -> {
            if (!process.isAlive()) {
                throw new StartupException(
                        "Kafka exited with code %d during startup: see %s".formatted(process.exitCode(), log()));
            }
            return portOpen(config.kafkaPort())
                    && probe(bootstrapServers(), Duration.ofSeconds(3)).healthy();
        });
        if (!ready) {
            process.stop(config.stopTimeout());
            throw new StartupException("Kafka did not become ready on %s within %d s: see %s"
                    .formatted(bootstrapServers(), timeout.toSeconds(), log()));
        }
    }

    private Path writeConfiguration() {
        Path dir = config.kafkaDir();
        try {
            Files.createDirectories(dir.resolve("data"));
            Path serverProperties = dir.resolve("server.properties");
            Files.writeString(
                    serverProperties, BrokerProperties.toText(BrokerProperties.of(config, dir.resolve("data"))));
            Files.writeString(dir.resolve("log4j2.properties"), BrokerProperties.log4j2Text());
            return serverProperties;
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
