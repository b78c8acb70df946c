package io.adclick.infra.monitor;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adclick.infra.archive.HttpProbe;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the stream job's figures from Flink's REST API (a local MiniCluster's or a cluster's
 * JobManager): the job's state, its checkpoint statistics and its own counters summed over subtasks.
 */
public final class FlinkRest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final String jobName;
    private final Duration timeout;

    /**
     * @param baseUrl the REST API, e.g. {@code http://127.0.0.1:8088}
     * @param jobName the job to read (the newest job of that name not finished)
     */
    public FlinkRest(URI baseUrl, String jobName, Duration timeout) {
        this.baseUrl = requireNonNull(baseUrl, "baseUrl is null");
        this.jobName = requireNonNull(jobName, "jobName is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    /** The job's figures; empty when the cluster answers but runs no such job. */
    public Optional<FlinkJobFigures> read() throws IOException, InterruptedException {
        Optional<JsonNode> job = newestJob(get("/jobs/overview"), jobName);
        if (job.isEmpty()) {
            return Optional.empty();
        }
        String jobId = job.get().path("jid").asText();
        JsonNode checkpoints = get("/jobs/" + jobId + "/checkpoints");
        Map<StreamCounter, Long> counters = new EnumMap<>(StreamCounter.class);
        for (JsonNode vertex : get("/jobs/" + jobId).path("vertices")) {
            String metrics = "/jobs/" + jobId + "/vertices/" + vertex.path("id").asText() + "/subtasks/metrics";
            List<String> ours = counterIds(get(metrics));
            if (!ours.isEmpty()) {
                String query = URLEncoder.encode(String.join(",", ours), StandardCharsets.UTF_8);
                sumCounters(get(metrics + "?agg=sum&get=" + query), counters);
            }
        }
        return Optional.of(figures(jobId, job.get().path("state").asText(), checkpoints, counters));
    }

    /** The newest job named {@code name} in a {@code /jobs/overview} answer that has not finished. */
    static Optional<JsonNode> newestJob(JsonNode overview, String name) {
        JsonNode newest = null;
        for (JsonNode job : overview.path("jobs")) {
            boolean ended = List.of("FINISHED", "CANCELED", "FAILED")
                    .contains(job.path("state").asText());
            if (name.equals(job.path("name").asText())
                    && !ended
                    && (newest == null
                            || job.path("start-time").asLong()
                                    > newest.path("start-time").asLong())) {
                newest = job;
            }
        }
        return Optional.ofNullable(newest);
    }

    /** The ids of our counters among a {@code .../subtasks/metrics} listing. */
    static List<String> counterIds(JsonNode listing) {
        List<String> ids = new ArrayList<>();
        for (JsonNode metric : listing) {
            String id = metric.path("id").asText();
            if (!id.contains(",") && StreamCounter.ofMetricId(id).isPresent()) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Adds the {@code sum} of each of our counters in an aggregated metrics answer to {@code counters}. */
    static void sumCounters(JsonNode aggregated, Map<StreamCounter, Long> counters) {
        for (JsonNode metric : aggregated) {
            StreamCounter.ofMetricId(metric.path("id").asText())
                    .ifPresent(counter ->
                            counters.merge(counter, metric.path("sum").asLong(), Long::sum));
        }
    }

    /** The figures of a job from its {@code /jobs/:id/checkpoints} answer and its counters. */
    static FlinkJobFigures figures(
            String jobId, String state, JsonNode checkpoints, Map<StreamCounter, Long> counters) {
        JsonNode latest = checkpoints.path("latest").path("completed");
        Optional<FlinkJobFigures.Checkpoint> checkpoint = latest.isObject()
                ? Optional.of(new FlinkJobFigures.Checkpoint(
                        latest.path("id").asLong(),
                        Instant.ofEpochMilli(latest.path("latest_ack_timestamp").asLong()),
                        Duration.ofMillis(latest.path("end_to_end_duration").asLong()),
                        latest.path("state_size").asLong(),
                        latest.path("checkpointed_size").asLong()))
                : Optional.empty();
        JsonNode counts = checkpoints.path("counts");
        return new FlinkJobFigures(
                jobId,
                state,
                counts.path("completed").asLong(),
                counts.path("failed").asLong(),
                checkpoint,
                counters);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        URI url = baseUrl.resolve(path);
        HttpResponse<String> response = HttpProbe.get(url, timeout);
        if (response.statusCode() != 200) {
            throw new IOException("GET %s answered HTTP %d".formatted(url, response.statusCode()));
        }
        return JSON.readTree(response.body());
    }
}
