package io.adclick.router.audit;

import io.adclick.router.api.ApiException;
import io.adclick.router.api.Parameters;
import io.adclick.schemas.table.ClickDecisions;
import java.util.List;
import java.util.Locale;

/** {@code status=} of an invoice line's events, and the {@code click_decisions} decisions it selects. */
public enum EventStatus {
    BILLABLE("decision = ?", List.of(ClickDecisions.BILLABLE)),
    DUPLICATE("decision IN (?, ?)", List.of(ClickDecisions.DUPLICATE_EVENT, ClickDecisions.DUPLICATE_IMPRESSION)),
    FRAUD("decision LIKE ?", List.of(ClickDecisions.FRAUD_PREFIX + "%"));

    private final String predicate;
    private final List<Object> parameters;

    EventStatus(String predicate, List<Object> parameters) {
        this.predicate = predicate;
        this.parameters = parameters;
    }

    /** A constant SQL predicate on {@code decision}. */
    public String predicate() {
        return predicate;
    }

    public List<Object> parameters() {
        return parameters;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code status=}; null or empty means every decision. */
    public static java.util.Optional<EventStatus> parse(String value) {
        if (value == null || value.isEmpty()) {
            return java.util.Optional.empty();
        }
        for (EventStatus status : values()) {
            if (status.wireName().equals(value)) {
                return java.util.Optional.of(status);
            }
        }
        throw ApiException.badRequest(
                "Invalid status \"%s\": use billable, duplicate or fraud".formatted(Parameters.shown(value)));
    }
}
