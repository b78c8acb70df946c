package io.adclick.router.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adclick.router.api.ApiException;
import io.adclick.router.auth.Caller;
import io.adclick.router.auth.Role;
import io.adclick.router.trino.Sql;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestReconciliationQuery {
    private static final String FROM = "2026-11-01T00:00:00Z";
    private static final String TO = "2026-11-01T05:00:00Z";

    @Test
    void anAdvertiserKeyReadsItsOwnRowsOnly() {
        ReconciliationQuery query = ReconciliationQuery.parse(FROM, TO, null, "c1,c2", Caller.advertiser("acme"));
        assertThat(query.advertiserId()).contains("acme");
        Sql sql = query.sql(42);
        assertThat(sql.text())
                .contains("FROM reconciliation FOR VERSION AS OF 42", "AND advertiser_id = ?", "campaign_id IN (?, ?)");
        assertThat(sql.parameters()).containsExactly(FROM, TO, "acme", "c1", "c2");
        assertThatThrownBy(() -> ReconciliationQuery.parse(FROM, TO, "globex", null, Caller.advertiser("acme")))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("acme only");
    }

    @Test
    void financeAuditorAndEngineerReadEveryAdvertiser() {
        for (Role role : List.of(Role.FINANCE, Role.AUDITOR, Role.ENGINEER)) {
            ReconciliationQuery query = ReconciliationQuery.parse(FROM, TO, null, null, Caller.of(role));
            assertThat(query.advertiserId()).isEqualTo(Optional.empty());
            assertThat(query.sql(1).text()).doesNotContain("advertiser_id =");
        }
    }

    @Test
    void rangesAreWholeHoursForwardAndBounded() {
        Caller caller = Caller.of(Role.AUDITOR);
        assertThatThrownBy(() -> ReconciliationQuery.parse("2026-11-01T00:30:00Z", TO, null, null, caller))
                .hasMessageContaining("whole hour");
        assertThatThrownBy(() -> ReconciliationQuery.parse(TO, FROM, null, null, caller))
                .hasMessageContaining("before");
        assertThatThrownBy(() -> ReconciliationQuery.parse(FROM, "2027-11-01T00:00:00Z", null, null, caller))
                .hasMessageContaining("too long");
        assertThatThrownBy(() -> ReconciliationQuery.parse(null, TO, null, null, caller))
                .hasMessageContaining("Missing from");
        assertThatThrownBy(() -> ReconciliationQuery.parse(FROM, TO, null, "x' OR 1=1", caller))
                .hasMessageContaining("campaign_id");
    }

    @Test
    void explainedAmountsReadFromTrinosJson() throws Exception {
        assertThat(Reconciliations.amounts("{\"no_impression\":3,\"fraud:ip_burst\":-2}"))
                .containsExactly(java.util.Map.entry("fraud:ip_burst", -2L), java.util.Map.entry("no_impression", 3L));
        assertThat(Reconciliations.amounts(null)).isEmpty();
    }
}
