package io.adclick.schemas.token;

import java.time.Instant;

/** Test tokens. */
final class Tokens {
    static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    static final SigningKeys DEV = SigningKeys.parse(SigningKeys.EMBEDDED_DEFAULT);

    private Tokens() {}

    static AdTokenPayload payload(String kid, Instant issuedAt) {
        return new AdTokenPayload(
                1,
                kid,
                "imp-1",
                "adv-1",
                "cmp-1",
                "ad-1",
                "pub-1",
                250_000,
                "https://landing.example/shoes",
                issuedAt.getEpochSecond());
    }

    static AdTokenPayload payload() {
        return payload("dev", NOW);
    }
}
