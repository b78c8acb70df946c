package io.adclick.edge.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * The answer to an SDK batch: how many events were accepted, and each refused one.
 *
 * @param accepted the number of events now durable in the raw log
 * @param rejected the refused events, in batch order
 */
public record BatchOutcome(
        @JsonProperty("accepted") int accepted, @JsonProperty("rejected") List<RejectedEvent> rejected) {
    public BatchOutcome {
        rejected = List.copyOf(rejected);
    }

    /**
     * One refused event of a batch.
     *
     * @param index its position in the batch, from 0
     * @param eventId its {@code event_id} when it had a readable one, else null
     * @param error the reason code and what is wrong
     */
    public record RejectedEvent(
            @JsonProperty("index") int index,
            @JsonProperty("event_id") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String eventId,
            @JsonProperty("error") String error) {}
}
