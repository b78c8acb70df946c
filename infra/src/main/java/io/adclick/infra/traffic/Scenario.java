package io.adclick.infra.traffic;

import java.util.Locale;

/** A kind of user (or attacker, or network) behaviour the generator produces. */
public enum Scenario {
    /** An ad is viewed: {@code GET /i}. */
    IMPRESSION,
    /** An ad is viewed, then clicked: {@code /i} then {@code /c}. */
    IMPRESSION_AND_CLICK,
    /** Viewed, then clicked twice (one billable click). */
    DOUBLE_CLICK,
    /** A click whose impression never reached us (not billable until it does). */
    CLICK_WITHOUT_IMPRESSION,
    /** A click on a token issued more than 24 h ago: redirected, recorded, never billable. */
    EXPIRED_TOKEN,
    /** A click on a token whose payload was altered: {@code 400}, quarantined. */
    TAMPERED_TOKEN,
    /** An app SDK batch of impressions and some clicks: {@code POST /v1/events}. */
    SDK_BATCH,
    /** An SDK batch sent twice (a retry after a lost response): same event ids. */
    TRANSPORT_DUPLICATE,
    /** An SDK batch of events that happened hours ago (an app that was offline). */
    LATE_EVENTS,
    /** One bot clicking many ads in a burst, with a bot User-Agent. */
    BOT_BURST;

    /** The option and truth-file name, e.g. {@code double_click}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name or an enum name, in any case. */
    public static Scenario fromName(String name) {
        for (Scenario scenario : values()) {
            if (scenario.name().equalsIgnoreCase(name.strip())) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("Unknown scenario \"%s\": use one of %s"
                .formatted(
                        name,
                        java.util.Arrays.stream(values())
                                .map(Scenario::wireName)
                                .toList()));
    }
}
