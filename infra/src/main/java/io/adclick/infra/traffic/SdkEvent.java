package io.adclick.infra.traffic;

import static java.util.Objects.requireNonNull;

import io.adclick.schemas.event.EventType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One event of an SDK batch, as the app sends it. */
public record SdkEvent(String eventId, EventType type, Instant eventTime, AdServe serve, Visitor visitor) {
    public SdkEvent {
        requireNonNull(eventId, "eventId is null");
        requireNonNull(type, "type is null");
        requireNonNull(eventTime, "eventTime is null");
        requireNonNull(serve, "serve is null");
        requireNonNull(visitor, "visitor is null");
    }

    /** The contract's envelope (section 1) as a JSON-ready map. */
    public Map<String, Object> envelope() {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("schema_version", 1);
        envelope.put("event_type", type.wireName());
        envelope.put("event_id", eventId);
        envelope.put("event_time", eventTime.toString());
        envelope.put("token", serve.token());
        envelope.put("user_id", visitor.userId());
        envelope.put("country", visitor.country());
        envelope.put("device", visitor.device().wireName());
        return envelope;
    }
}
