package io.adclick.router.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * The API keys the router accepts ({@code adclick.router.auth.*}). Keys are configured by their
 * SHA-256 only, never in clear.
 *
 * @param keys one entry per key: {@code <sha256-hex>:<role>} or {@code <sha256-hex>:advertiser:<advertiser_id>};
 *     roles are advertiser, finance, auditor and engineer ({@code echo -n KEY | sha256sum})
 * @param devKeys whether the embedded development keys work: {@code dev-adv-<advertiser_id>},
 *     {@code dev-finance}, {@code dev-auditor}, {@code dev-engineer}; turn off in production
 */
@ConfigurationProperties("adclick.router.auth")
public record AuthConfig(
        @Bindable(defaultValue = "") @NotNull List<String> keys, @Bindable(defaultValue = "true") boolean devKeys) {

    public AuthConfig {
        keys = keys == null
                ? List.of()
                : keys.stream().filter(k -> !k.isBlank()).toList();
    }
}
