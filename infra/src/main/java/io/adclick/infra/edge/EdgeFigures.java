package io.adclick.infra.edge;

import io.adclick.infra.launcher.PrometheusText;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * The edge's key figures from its Prometheus {@code /metrics}: events accepted so far and the depth
 * of its durable spool. Metrics are matched by name words, so that the edge may name them freely
 * ({@code ..._accepted_total}, {@code ..._spool_depth}).
 *
 * @param accepted events accepted, if such a metric is exposed
 * @param spoolDepth events waiting in the spool, if such a metric is exposed
 * @param error why the metrics could not be read, or null
 */
public record EdgeFigures(OptionalDouble accepted, OptionalDouble spoolDepth, String error) {
    /** Reads the figures from the exposition text. */
    public static EdgeFigures of(PrometheusText metrics) {
        return new EdgeFigures(
                metrics.sum(PrometheusText.nameContains("accepted").and(counterSample())),
                metrics.sum(PrometheusText.nameContains("spool", "depth").and(gaugeLike())),
                null);
    }

    /** {@code GET /metrics} of the edge at {@code baseUrl}. */
    public static EdgeFigures scrape(URI baseUrl) {
        try {
            return of(PrometheusText.fetch(baseUrl.resolve("/metrics"), Duration.ofSeconds(3)));
        } catch (IOException e) {
            return failed("GET /metrics: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted");
        }
    }

    /** e.g. {@code accepted 1200, spool depth 0}. */
    public String describe() {
        if (error != null) {
            return error;
        }
        return "accepted %s, spool depth %s".formatted(format(accepted), format(spoolDepth));
    }

    private static EdgeFigures failed(String error) {
        return new EdgeFigures(OptionalDouble.empty(), OptionalDouble.empty(), error);
    }

    private static String format(OptionalDouble value) {
        return value.isPresent() ? Long.toString(Math.round(value.getAsDouble())) : "n/a";
    }

    private static Predicate<String> counterSample() {
        return name -> !name.endsWith("_created") && !name.endsWith("_bucket");
    }

    private static Predicate<String> gaugeLike() {
        return name -> {
            String lower = name.toLowerCase(Locale.ROOT);
            return !(lower.endsWith("_total")
                    || lower.endsWith("_count")
                    || lower.endsWith("_sum")
                    || lower.endsWith("_max")
                    || lower.endsWith("_bucket")
                    || lower.endsWith("_created")
                    || lower.contains("bytes"));
        };
    }
}
