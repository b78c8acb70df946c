package io.adclick.infra.traffic;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One ad served by the (simulated) ad server: the signed token the pixel and the click URL carry.
 *
 * @param token the token as sent, possibly tampered with
 * @param expectedStatus what the edge should find when it verifies the token
 */
public record AdServe(
        Campaign campaign,
        String adId,
        String publisherId,
        String impressionId,
        Instant issuedAt,
        String token,
        ExpectedToken expectedStatus) {

    public AdServe {
        requireNonNull(campaign, "campaign is null");
        requireNonNull(adId, "adId is null");
        requireNonNull(publisherId, "publisherId is null");
        requireNonNull(impressionId, "impressionId is null");
        requireNonNull(issuedAt, "issuedAt is null");
        requireNonNull(token, "token is null");
        requireNonNull(expectedStatus, "expectedStatus is null");
    }

    /** The verdict a generated token is meant to get from the edge. */
    public enum ExpectedToken {
        VALID,
        EXPIRED,
        INVALID;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
