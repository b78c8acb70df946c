package io.adclick.infra.truth;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.infra.config.AdclickHome;
import io.adclick.infra.config.StackConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestTruthJobRunner {
    private static final StackConfig CONFIG = StackConfig.fromEnvironment(
            new AdclickHome(Path.of("/opt/adclick")),
            Map.of("ADCLICK_CATALOG_PORT", "18181", "ADCLICK_OBJECT_STORE_PORT", "19000"));

    @Test
    void theJobsArePointedAtTheStacksCatalogAndObjectStoreWithoutKeysOnTheCommandLine() {
        Map<String, String> env = new TruthJobRunner(CONFIG).environment();

        assertThat(env)
                .containsEntry("ADCLICK_CATALOG_URI", "http://127.0.0.1:18181")
                .containsEntry("ADCLICK_S3_ENDPOINT", "http://127.0.0.1:19000")
                .containsEntry("ADCLICK_S3_ACCESS_KEY", "adclick")
                .containsEntry("ADCLICK_S3_SECRET_KEY", "adclick-dev-secret")
                .containsEntry("SPARK_LOCAL_IP", "127.0.0.1");
    }

    @Test
    void backfillArgumentsCarryTheRememberedSnapshot() {
        assertThat(TruthJobRunner.backfill("2026-11-01", "2026-11-02", false, 42L))
                .isEqualTo(List.of("backfill", "--from", "2026-11-01", "--to", "2026-11-02", "--snapshot", "42"));
        assertThat(TruthJobRunner.backfill("2026-11-01", "2026-11-02", true, null))
                .isEqualTo(List.of("backfill", "--from", "2026-11-01", "--to", "2026-11-02", "--force"));
    }
}
