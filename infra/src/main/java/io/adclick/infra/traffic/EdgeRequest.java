package io.adclick.infra.traffic;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One HTTP request to the edge, with what the generator knows about it (for the truth file). */
public sealed interface EdgeRequest {
    Scenario scenario();

    /** {@code GET /i/{token}}. */
    record Pixel(Scenario scenario, AdServe serve, Visitor visitor) implements EdgeRequest {
        public Pixel {
            requireNonNull(scenario, "scenario is null");
            requireNonNull(serve, "serve is null");
            requireNonNull(visitor, "visitor is null");
        }
    }

    /** {@code GET /c/{token}}. */
    record Redirect(Scenario scenario, AdServe serve, Visitor visitor) implements EdgeRequest {
        public Redirect {
            requireNonNull(scenario, "scenario is null");
            requireNonNull(serve, "serve is null");
            requireNonNull(visitor, "visitor is null");
        }
    }

    /** {@code POST /v1/events} with a JSON array of envelopes. */
    record SdkBatch(Scenario scenario, List<SdkEvent> events) implements EdgeRequest {
        public SdkBatch {
            requireNonNull(scenario, "scenario is null");
            events = List.copyOf(events);
            if (events.isEmpty()) {
                throw new IllegalArgumentException("An SDK batch needs at least one event");
            }
        }
    }
}
