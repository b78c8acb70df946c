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
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/** Key figures of the archive for {@code adclick status}: table snapshots and rows, connector progress. */
public final class ArchiveFigures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ArchiveFigures() {}

    /**
     * The current state of {@code raw_events} as the REST catalog at {@code catalogUrl} describes it.
     *
     * @param snapshots snapshots in the table's metadata (one per sink commit until expired)
     * @param rows {@code total-records} of the current snapshot
     * @param currentSnapshotId the current snapshot, empty while the table has none
     */
    public record TableFigures(int snapshots, long rows, java.util.OptionalLong currentSnapshotId) {
        public String describe() {
            return "%s: %d snapshots, %,d rows".formatted(AdclickTables.RAW_EVENTS, snapshots, rows);
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
        JsonNode metadata = JSON.readTree(response.body()).path("metadata");
        long current = metadata.path("current-snapshot-id").asLong(-1);
        long rows = 0;
        int count = 0;
        for (JsonNode snapshot : metadata.path("snapshots")) {
            count++;
            if (snapshot.path("snapshot-id").asLong() == current) {
                rows = snapshot.path("summary").path("total-records").asLong(0);
            }
        }
        return new TableFigures(
                count, rows, current == -1 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(current));
    }

    /**
     * Records of {@code events.raw} the sink has not yet written to data files: end offsets minus
     * the consumer-group offsets its tasks commit with each batch of files (a partition without a
     * committed offset counts whole). The table commit of those files follows within a cycle or two.
     */
    public static long archiveLag(Admin admin, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        long end = KafkaFigures.endOffsets(admin, List.of(Topics.EVENTS_RAW), timeout)
                .get(Topics.EVENTS_RAW);
        long committed = admin
                .listConsumerGroupOffsets(ArchiveConnector.CONSUMER_GROUP)
                .partitionsToOffsetAndMetadata()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .entrySet()
                .stream()
                .filter(e -> e.getKey().topic().equals(Topics.EVENTS_RAW) && e.getValue() != null)
                .mapToLong(e -> offset(e.getValue()))
                .sum();
        return Math.max(0, end - committed);
    }

    private static long offset(OffsetAndMetadata metadata) {
        return metadata.offset();
    }
}
