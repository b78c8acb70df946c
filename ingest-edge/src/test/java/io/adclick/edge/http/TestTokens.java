package io.adclick.edge.http;

import io.adclick.schemas.token.AdTokenPayload;
import io.adclick.schemas.token.SigningKeys;
import io.adclick.schemas.token.TokenSigner;
import java.time.Duration;
import java.time.Instant;

/** Tokens signed the way the ad server signs them, with the edge's embedded default key. */
final class TestTokens {
    static final String LANDING_URL = "https://landing.example/spring-sale?ref=adclick";

    private static final TokenSigner SIGNER = new TokenSigner(SigningKeys.parse(SigningKeys.EMBEDDED_DEFAULT));

    private TestTokens() {}

    /** A token for {@code impressionId}, issued now. */
    static String fresh(String impressionId) {
        return issuedAt(impressionId, Instant.now());
    }

    /** A token for {@code impressionId}, issued two days ago (expired under the 24 h default). */
    static String expired(String impressionId) {
        return issuedAt(impressionId, Instant.now().minus(Duration.ofDays(2)));
    }

    /** A token whose signature does not match its payload. */
    static String badSignature(String impressionId) {
        String token = fresh(impressionId);
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    static String issuedAt(String impressionId, Instant issuedAt) {
        return SIGNER.sign(new AdTokenPayload(
                1,
                "dev",
                impressionId,
                "adv-1",
                "cmp-1",
                "ad-1",
                "pub-1",
                250_000,
                LANDING_URL,
                issuedAt.getEpochSecond()));
    }
}
