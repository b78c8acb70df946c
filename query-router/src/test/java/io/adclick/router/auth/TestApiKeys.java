package io.adclick.router.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adclick.router.config.AuthConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestApiKeys {
    private static final String FINANCE_KEY = "s3cret-finance-key";
    private static final String ADVERTISER_KEY = "s3cret-adv-key";

    @Test
    void hashIsTheLowerCaseHexSha256OfTheKey() {
        assertThat(ApiKeyHash.hex("dev-finance")).hasSize(64).matches("[0-9a-f]{64}");
        // echo -n abc | sha256sum
        assertThat(ApiKeyHash.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void configuredKeysAreKnownByTheirHashOnly() {
        ApiKeys keys = new ApiKeys(new AuthConfig(
                List.of(ApiKeyHash.hex(FINANCE_KEY) + ":finance", ApiKeyHash.hex(ADVERTISER_KEY) + ":advertiser:adv-7"),
                false));
        assertThat(keys.identify(FINANCE_KEY)).contains(Caller.of(Role.FINANCE));
        assertThat(keys.identify(ADVERTISER_KEY)).contains(Caller.advertiser("adv-7"));
        assertThat(keys.identify(ApiKeyHash.hex(FINANCE_KEY)))
                .as("the hash itself is no key")
                .isEmpty();
        assertThat(keys.identify("dev-finance")).as("dev keys off").isEmpty();
        assertThat(keys.identify("dev-adv-adv-7")).as("dev keys off").isEmpty();
    }

    @Test
    void embeddedDevelopmentKeys() {
        ApiKeys keys = new ApiKeys(new AuthConfig(List.of(), true));
        assertThat(keys.identify("dev-finance")).contains(Caller.of(Role.FINANCE));
        assertThat(keys.identify("dev-auditor")).contains(Caller.of(Role.AUDITOR));
        assertThat(keys.identify("dev-engineer")).contains(Caller.of(Role.ENGINEER));
        assertThat(keys.identify("dev-adv-acme_1")).contains(Caller.advertiser("acme_1"));
        assertThat(keys.identify("dev-adv-")).isEmpty();
        assertThat(keys.identify("dev-adv-bad id")).isEmpty();
        assertThat(keys.identify("dev-FINANCE")).isEmpty();
        assertThat(keys.identify("")).isEmpty();
    }

    @Test
    void invalidKeyEntriesSayWhatToWrite() {
        assertThatThrownBy(() -> new ApiKeys(new AuthConfig(List.of("abc:finance"), false)))
                .hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> new ApiKeys(new AuthConfig(List.of(ApiKeyHash.hex("k") + ":boss"), false)))
                .hasMessageContaining("use advertiser, finance, auditor or engineer");
        assertThatThrownBy(() -> new ApiKeys(new AuthConfig(List.of(ApiKeyHash.hex("k") + ":advertiser"), false)))
                .hasMessageContaining(":<advertiser_id>");
        assertThatThrownBy(() -> new ApiKeys(new AuthConfig(List.of(ApiKeyHash.hex("k") + ":finance:x"), false)))
                .hasMessageContaining("only advertiser keys");
    }

    @Test
    void authenticatorRequiresABearerKey() {
        Authenticator authenticator = new Authenticator(new ApiKeys(new AuthConfig(List.of(), true)));
        assertThat(authenticator.authenticate("Bearer dev-auditor")).isEqualTo(Caller.of(Role.AUDITOR));
        assertThat(authenticator.authenticate("bearer dev-auditor")).isEqualTo(Caller.of(Role.AUDITOR));
        for (String header : new String[] {null, "", "dev-auditor", "Basic ZGV2LWF1ZGl0b3I=", "Bearer nope"}) {
            assertThatThrownBy(() -> authenticator.authenticate(header))
                    .as("header %s", header)
                    .hasFieldOrPropertyWithValue("code", "unauthorized");
        }
    }
}
