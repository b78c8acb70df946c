package io.adclick.schemas.event;

import static io.adclick.schemas.Fields.identifier;
import static io.adclick.schemas.Fields.optionalIdentifier;
import static io.adclick.schemas.Fields.required;

import io.adclick.schemas.InvalidFieldException;
import java.time.Instant;
import java.util.Map;

/**
 * One event as a client sends it (the SDK batch API), before the edge verifies and stamps it.
 *
 * @param attributes free-form attributes, plus every unknown top-level field of the JSON object
 */
public record EventEnvelope(
        int schemaVersion,
        EventType eventType,
        String eventId,
        Instant eventTime,
        String token,
        String userId,
        String country,
        Device device,
        Map<String, String> attributes) {

    /** The envelope version this release reads and writes. */
    public static final int CURRENT_SCHEMA_VERSION = 1;

    public EventEnvelope {
        if (schemaVersion != CURRENT_SCHEMA_VERSION) {
            throw new InvalidFieldException(
                    "schema_version", schemaVersion, "this edge accepts schema_version " + CURRENT_SCHEMA_VERSION);
        }
        required("event_type", eventType);
        identifier("event_id", eventId);
        required("event_time", eventTime);
        required("token", token);
        optionalIdentifier("user_id", userId);
        Countries.requireValid(country);
        required("device", device);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
