package io.adclick.infra.launcher;

import io.adclick.infra.process.ChildProcess;
import io.adclick.infra.stack.ComponentRecord;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** What descriptors share to probe a running component for {@code adclick status}, each probe bounded in time. */
public final class StatusProbes {
    /** The longest one probe of {@code adclick status} waits. */
    public static final Duration TIMEOUT = Duration.ofSeconds(3);

    private StatusProbes() {}

    /** A function of Kafka's admin client, for the figures that need the broker. */
    @FunctionalInterface
    public interface AdminQuery {
        String apply(Admin admin) throws Exception;
    }

    /**
     * {@code query} against the stack's broker, or {@code unavailable + ": " + error}; empty text
     * when the stack has no broker recorded.
     */
    public static String withKafka(StatusContext context, String unavailable, AdminQuery query) {
        return context.kafkaBootstrap()
                .map(bootstrap -> withKafka(bootstrap, unavailable, query))
                .orElse("");
    }

    /** {@code query} against the broker at {@code bootstrap}, or {@code unavailable + ": " + error}. */
    public static String withKafka(String bootstrap, String unavailable, AdminQuery query) {
        try (Admin admin = Admin.create(adminProperties(bootstrap))) {
            return query.apply(admin);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return unavailable + ": " + e.getMessage();
        }
    }

    /** The figures {@code describe} makes of the Prometheus exposition at {@code metricsUrl}. */
    public static String metricsFigures(URI metricsUrl, Function<PrometheusText, String> describe) {
        try {
            return describe.apply(PrometheusText.fetch(metricsUrl, TIMEOUT));
        } catch (IOException e) {
            return "metrics unavailable: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The newest line of the component's log (the last 500 lines) that says {@code marker}. */
    public static Optional<String> lastLogLine(ComponentRecord component, String marker) {
        List<String> lines = ChildProcess.tail(Path.of(component.log()), 500);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(marker)) {
                return Optional.of(lines.get(i));
            }
        }
        return Optional.empty();
    }

    private static Properties adminProperties(String bootstrap) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        return properties;
    }
}
