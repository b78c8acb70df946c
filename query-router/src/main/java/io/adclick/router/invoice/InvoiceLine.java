package io.adclick.router.invoice;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One campaign's line of an invoice. */
public record InvoiceLine(
        @JsonProperty("line_id") String lineId,
        @JsonProperty("campaign_id") String campaignId,
        @JsonProperty("billable_clicks") long billableClicks,
        @JsonProperty("spend_micros") long spendMicros) {
    public InvoiceLine {
        requireNonNull(lineId, "lineId is null");
        requireNonNull(campaignId, "campaignId is null");
        if (billableClicks < 0 || spendMicros < 0) {
            throw new IllegalArgumentException("Invalid line %s: negative clicks or spend".formatted(lineId));
        }
    }
}
