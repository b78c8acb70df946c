package io.adclick.router.config;

import static io.adclick.router.config.ConfigPins.assertDefaults;
import static io.adclick.router.config.ConfigPins.assertFullMapping;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestAuthConfig {
    private static final String HASH = "a".repeat(64);

    @Test
    void defaults() {
        assertDefaults(AuthConfig.class, new AuthConfig(List.of(), true));
    }

    @Test
    void everyKeyMaps() {
        assertFullMapping(
                AuthConfig.class,
                Map.of(
                        "adclick.router.auth.keys",
                        HASH + ":finance," + HASH + ":advertiser:acme",
                        "adclick.router.auth.dev-keys",
                        "false"),
                new AuthConfig(List.of(HASH + ":finance", HASH + ":advertiser:acme"), false));
    }
}
