package io.adclick.schemas.table;

import java.util.List;

/** The decision values of a click, in the order they are checked (CONTRACT section 4). */
public final class ClickDecisions {
    /** A later copy of an {@code event_id} already seen (a transport duplicate). */
    public static final String DUPLICATE_EVENT = "duplicate_event";
    /** The token had expired when the click happened. */
    public static final String EXPIRED_TOKEN = "expired_token";
    /** A later click of an {@code impression_id} already clicked (a double click). */
    public static final String DUPLICATE_IMPRESSION = "duplicate_impression";
    /** No impression of the click's {@code impression_id} is recorded. */
    public static final String NO_IMPRESSION = "no_impression";
    /** Billed: {@code cpc_micros} is spent. */
    public static final String BILLABLE = "billable";
    /** Prefix of {@code fraud:<rule>}, the first fraud rule that flagged the click. */
    public static final String FRAUD_PREFIX = "fraud:";

    /** Every decision except {@code fraud:<rule>}, in the order checked (fraud comes before billable). */
    public static final List<String> ORDER =
            List.of(DUPLICATE_EVENT, EXPIRED_TOKEN, DUPLICATE_IMPRESSION, NO_IMPRESSION, BILLABLE);

    private ClickDecisions() {}
}
