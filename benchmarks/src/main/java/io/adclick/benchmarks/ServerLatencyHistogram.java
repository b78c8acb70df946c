package io.adclick.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edge's server-side latency histogram of one request kind, scraped from its Prometheus
 * {@code /metrics}: cumulative counts per upper bound (seconds).
 */
record ServerLatencyHistogram(TreeMap<Double, Long> cumulativeCounts) {
    private static final Pattern BUCKET = Pattern.compile("le=\"([^\"]+)\"} ([0-9.eE+]+)");

    static ServerLatencyHistogram scrape(HttpClient client, String edgeUrl, String seriesSelector)
            throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(edgeUrl + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        TreeMap<Double, Long> counts = new TreeMap<>();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("http_server_requests_seconds_bucket{") && line.contains(seriesSelector)) {
                Matcher m = BUCKET.matcher(line);
                if (m.find()) {
                    double bound =
                            m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
                    counts.merge(bound, (long) Double.parseDouble(m.group(2)), Long::sum);
                }
            }
        }
        return new ServerLatencyHistogram(counts);
    }

    /** The histogram of the requests between {@code before} and this scrape. */
    ServerLatencyHistogram minus(ServerLatencyHistogram before) {
        TreeMap<Double, Long> delta = new TreeMap<>();
        for (Map.Entry<Double, Long> bucket : cumulativeCounts.entrySet()) {
            delta.put(bucket.getKey(), bucket.getValue() - before.cumulativeCounts.getOrDefault(bucket.getKey(), 0L));
        }
        return new ServerLatencyHistogram(delta);
    }

    long count() {
        return cumulativeCounts.isEmpty() ? 0 : cumulativeCounts.lastEntry().getValue();
    }

    /** The upper bound (ms) of the bucket holding quantile {@code q}: a conservative estimate. */
    double quantileMillis(double q) {
        long rank = (long) Math.ceil(q * count());
        for (Map.Entry<Double, Long> bucket : cumulativeCounts.entrySet()) {
            if (bucket.getValue() >= rank) {
                return bucket.getKey() * 1000;
            }
        }
        return Double.NaN;
    }
}
