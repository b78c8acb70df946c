package io.adclick.router.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adclick.router.api.ApiException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestCaller {
    private final Caller acme = Caller.advertiser("acme");

    @Test
    void anAdvertiserReadsItsOwnAdvertiserWhetherNamedOrNot() {
        assertThat(acme.scope(Optional.empty())).contains("acme");
        assertThat(acme.scope(Optional.of("acme"))).contains("acme");
    }

    @Test
    void anAdvertiserNeverReadsAnotherAdvertiser() {
        assertThatThrownBy(() -> acme.scope(Optional.of("globex")))
                .isInstanceOf(ApiException.class)
                .hasFieldOrPropertyWithValue("code", "forbidden");
        assertThatThrownBy(() -> acme.requireOwns("globex")).hasFieldOrPropertyWithValue("code", "forbidden");
        acme.requireOwns("acme");
    }

    @Test
    void otherRolesReadAnyAdvertiser() {
        for (Role role : new Role[] {Role.FINANCE, Role.AUDITOR, Role.ENGINEER}) {
            Caller caller = Caller.of(role);
            assertThat(caller.scope(Optional.of("globex"))).contains("globex");
            assertThat(caller.scope(Optional.empty())).isEmpty();
            caller.requireOwns("globex");
        }
    }

    @Test
    void requireRoleRefusesOtherRolesWith403() {
        Caller.of(Role.FINANCE).requireRole("regenerate invoices", Role.FINANCE);
        assertThatThrownBy(() -> Caller.of(Role.AUDITOR).requireRole("regenerate invoices", Role.FINANCE))
                .hasFieldOrPropertyWithValue("code", "forbidden")
                .hasMessageContaining("The auditor role cannot regenerate invoices (allowed: finance)");
    }

    @Test
    void onlyAdvertisersCarryAnAdvertiserId() {
        assertThatThrownBy(() -> new Caller(Role.ADVERTISER, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Caller(Role.FINANCE, Optional.of("acme")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
