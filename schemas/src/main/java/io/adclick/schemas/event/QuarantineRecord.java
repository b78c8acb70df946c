package io.adclick.schemas.event;

import static io.adclick.schemas.Fields.required;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.adclick.schemas.InvalidFieldException;
import java.time.Instant;

/**
 * A rejected event on {@code events.quarantine}: why it was refused and exactly what was sent, so
 * that it can be inspected, fixed and replayed.
 *
 * @param reason a machine-readable code such as {@code invalid_field} or {@code bad_signature}
 * @param error the sentence returned to the client
 * @param index the event's position in its SDK batch, or -1 for pixel and redirect requests
 * @param eventId the event's id when it could be read, else null
 * @param sourceKey who sent it: the API key header's hash or the client IP
 * @param payload the original event, verbatim (the JSON object, or the token of a pixel/redirect)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "schema_version",
    "reason",
    "error",
    "received_at",
    "source",
    "index",
    "event_id",
    "source_key",
    "payload"
})
public record QuarantineRecord(
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("reason") String reason,
        @JsonProperty("error") String error,
        @JsonProperty("received_at") Instant receivedAt,
        @JsonProperty("source") IngestSource source,
        @JsonProperty("index") int index,
        @JsonProperty("event_id") String eventId,
        @JsonProperty("source_key") String sourceKey,
        @JsonProperty("payload") String payload) {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    public QuarantineRecord {
        if (schemaVersion != CURRENT_SCHEMA_VERSION) {
            throw new InvalidFieldException(
                    "schema_version", schemaVersion, "this reader knows quarantine version " + CURRENT_SCHEMA_VERSION);
        }
        required("reason", reason);
        required("error", error);
        required("received_at", receivedAt);
        required("source", source);
        required("payload", payload);
    }
}
