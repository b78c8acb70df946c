package io.adclick.infra.archive;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adclick.infra.kafka.KafkaFigures;
import io.adclick.schemas.table.AdclickTables;
import io.adclick.schemas.wire.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/** Key figures of the archive for {@code adclick status}: table snapshots and rows, connector progress. */
public final class ArchiveFigures {
    /** The snapshot summary property where the Iceberg sink records its valid-through timestamp. */
    public static final String VALID_THROUGH_PROPERTY = "kafka.connect.valid-through-ts";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ArchiveFigures() {}

    /**
     * The current state of {@code raw_events} as the REST catalog at {@code catalogUrl} describes it.
     *
     * @param snapshots snapshots in the table's metadata (one per sink commit until expired)
     * @param rows {@code total-records} of the current snapshot
     * @param currentSnapshotId the current snapshot, empty while the table has none
     * @param committedAt when the current snapshot was committed
     * @param validThrough the newest valid-through timestamp the Iceberg sink recorded in a snapshot still in
     *     the metadata ({@code kafka.connect.valid-through-ts}): every record with an earlier Kafka timestamp is
     *     committed. A later snapshot without one (a commit cycle that timed out waiting for a task, or a
     *     maintenance rewrite) does not undo that promise; empty when no snapshot carries one
     */
    public record TableFigures(
            int snapshots,
            long rows,
            java.util.OptionalLong currentSnapshotId,
            Optional<Instant> committedAt,
            Optional<Instant> validThrough) {
        public String describe() {
            return "%s: %d snapshots, %,d rows".formatted(AdclickTables.RAW_EVENTS, snapshots, rows);
        }

        /** The figures of a table's metadata JSON ({@code metadata} of a REST catalog load-table answer). */
        public static TableFigures of(JsonNode metadata) {
            long current = metadata.path("current-snapshot-id").asLong(-1);
            long rows = 0;
            int count = 0;
            Optional<Instant> committedAt = Optional.empty();
            Optional<Instant> validThrough = Optional.empty();
            for (JsonNode snapshot : metadata.path("snapshots")) {
                count++;
                JsonNode summary = snapshot.path("summary");
                if (snapshot.path("snapshot-id").asLong() == current) {
                    rows = summary.path("total-records").asLong(0);
                    committedAt = millis(snapshot.path("timestamp-ms"));
                }
                validThrough = newest(validThrough, timestamp(summary.path(VALID_THROUGH_PROPERTY)));
            }
            return new TableFigures(
                    count,
                    rows,
                    current == -1 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(current),
                    committedAt,
                    validThrough);
        }

        private static Optional<Instant> newest(Optional<Instant> a, Optional<Instant> b) {
            if (a.isEmpty()) {
                return b;
            }
            return b.filter(instant -> instant.isAfter(a.get())).or(() -> a);
        }

        /** An ISO-8601 timestamp with offset ({@code 2026-11-26T07:11:18.772Z}) or epoch milliseconds. */
        private static Optional<Instant> timestamp(JsonNode node) {
            String text = node.asText("");
            if (text.isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
            } catch (java.time.format.DateTimeParseException e) {
                return millis(node);
            }
        }

        private static Optional<Instant> millis(JsonNode node) {
            return node.isMissingNode() || node.isNull() || node.asText().isBlank()
                    ? Optional.empty()
                    : Optional.of(Instant.ofEpochMilli(node.asLong()));
        }
    }

    /** Reads {@code raw_events}' metadata from the catalog. */
    public static TableFigures rawEvents(URI catalogUrl, Duration timeout) throws IOException, InterruptedException {
        requireNonNull(catalogUrl, "catalogUrl is null");
        URI url = catalogUrl.resolve("/v1/namespaces/%s/tables/%s"
                .formatted(AdclickTables.RAW_EVENTS.namespace(), AdclickTables.RAW_EVENTS.name()));
        HttpResponse<String> response = HttpProbe.get(url, timeout);
        if (response.statusCode() != 200) {
            throw new IOException("GET %s answered HTTP %d".formatted(url, response.statusCode()));
        }
        return TableFigures.of(JSON.readTree(response.body()).path("metadata"));
    }

    /**
     * Records of {@code events.raw} the sink has not yet written to data files: end offsets minus
     * the consumer-group offsets its tasks commit with each batch of files (a partition without a
     * committed offset counts whole). The table commit of those files follows within a cycle or two.
     */
    public static long archiveLag(Admin admin, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        return KafkaFigures.lag(admin, ArchiveConnector.CONSUMER_GROUP, Topics.EVENTS_RAW, timeout);
    }
}
