package io.adclick.edge.config;

import io.adclick.schemas.token.SigningKeys;
import io.adclick.schemas.token.TokenPolicy;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How the edge verifies ad tokens ({@code adclick.edge.*}).
 *
 * @param signingKeys {@code kid:secret[,kid:secret]}; when unset, the environment variable
 *     {@code ADCLICK_SIGNING_KEYS}, else the embedded default {@code dev:adclick-dev-secret}
 * @param tokenMaxAge how old a token may be at the event before it counts as expired
 * @param tokenMaxFutureSkew how far after the event a token may be issued before it counts as
 *     expired
 */
@ConfigurationProperties("adclick.edge")
public record TokenConfig(
        @Nullable String signingKeys,
        @Bindable(defaultValue = "24h") @NotNull Duration tokenMaxAge,
        @Bindable(defaultValue = "5m") @NotNull Duration tokenMaxFutureSkew) {

    /** The configured keys, the environment's, or the embedded default, in that order. */
    public SigningKeys keys() {
        return signingKeys == null || signingKeys.isBlank()
                ? SigningKeys.fromEnvironment()
                : SigningKeys.parse(signingKeys);
    }

    /** The validity window of tokens. */
    public TokenPolicy policy() {
        return new TokenPolicy(tokenMaxAge, tokenMaxFutureSkew);
    }
}
