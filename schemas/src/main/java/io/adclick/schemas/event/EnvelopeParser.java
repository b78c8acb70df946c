package io.adclick.schemas.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.adclick.schemas.Instants;
import io.adclick.schemas.InvalidFieldException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads one SDK event object into an {@link EventEnvelope}. Unknown top-level fields are kept in
 * {@code attributes} (never an error); a missing {@code country} is {@code ZZ} and a missing
 * {@code device} is the given default.
 */
public final class EnvelopeParser {
    private static final Set<String> KNOWN_FIELDS = Set.of(
            "schema_version",
            "event_type",
            "event_id",
            "event_time",
            "token",
            "user_id",
            "country",
            "device",
            "attributes");
    private static final int MAX_ATTRIBUTES = 64;

    private EnvelopeParser() {}

    /**
     * Parses {@code node}.
     *
     * @throws InvalidFieldException naming the first bad field
     */
    public static EventEnvelope parse(JsonNode node, Device defaultDevice) {
        requireNonNull(defaultDevice, "defaultDevice is null");
        if (node == null || !node.isObject()) {
            throw new InvalidFieldException("event", node == null ? null : node.getNodeType(), "must be a JSON object");
        }
        JsonNode version = node.get("schema_version");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
            throw new InvalidFieldException("schema_version", text(version), "must be the integer 1");
        }
        String country = optionalText(node, "country");
        String device = optionalText(node, "device");
        return new EventEnvelope(
                version.intValue(),
                EventType.fromWire(requiredText(node, "event_type")),
                requiredText(node, "event_id"),
                instant(requiredText(node, "event_time")),
                requiredText(node, "token"),
                optionalText(node, "user_id"),
                country == null ? Countries.UNKNOWN : country,
                device == null ? defaultDevice : Device.fromWire(device),
                attributes(node));
    }

    private static Map<String, String> attributes(JsonNode node) {
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonNode declared = node.get("attributes");
        if (declared != null && !declared.isNull()) {
            if (!declared.isObject()) {
                throw new InvalidFieldException("attributes", text(declared), "must be a JSON object");
            }
            declared.fields().forEachRemaining(e -> attributes.put(e.getKey(), attributeValue(e.getValue())));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!KNOWN_FIELDS.contains(field.getKey())) {
                attributes.putIfAbsent(field.getKey(), attributeValue(field.getValue()));
            }
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new InvalidFieldException("attributes", attributes.size() + " entries", "at most " + MAX_ATTRIBUTES);
        }
        return attributes;
    }

    private static String attributeValue(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static Instant instant(String value) {
        try {
            return Instants.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(
                    "event_time", value, "must be an ISO-8601 UTC instant like 2026-11-23T10:15:30.123Z");
        }
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidFieldException(field, null, "is required");
        }
        if (!value.isTextual()) {
            throw new InvalidFieldException(field, value.toString(), "must be a string");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidFieldException(field, value.toString(), "must be a string");
        }
        return value.asText();
    }

    private static String text(JsonNode node) {
        return node == null ? null : node.toString();
    }
}
