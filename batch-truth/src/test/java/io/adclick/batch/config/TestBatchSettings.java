package io.adclick.batch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestBatchSettings {
    @Test
    void defaultsPointAtTheEmbeddedRestCatalogAndS3Proxy() {
        BatchConfig config = BatchSettings.defaults();

        assertThat(config.sparkMaster()).isEqualTo("local[2]");
        assertThat(config.catalog().sparkConf())
                .containsEntry("spark.sql.catalog.iceberg", "org.apache.iceberg.spark.SparkCatalog")
                .containsEntry("spark.sql.catalog.iceberg.type", "rest")
                .containsEntry("spark.sql.catalog.iceberg.uri", "http://127.0.0.1:8181")
                .containsEntry("spark.sql.catalog.iceberg.warehouse", "s3://warehouse/")
                .containsEntry("spark.sql.catalog.iceberg.io-impl", "org.apache.iceberg.aws.s3.S3FileIO")
                .containsEntry("spark.sql.catalog.iceberg.s3.endpoint", "http://127.0.0.1:9000")
                .containsEntry("spark.sql.catalog.iceberg.s3.path-style-access", "true")
                .containsEntry("spark.sql.catalog.iceberg.client.region", "us-east-1");
        assertThat(config.truth().lookback()).isEqualTo(Duration.ofHours(25));
        assertThat(config.truth().lookahead()).isEqualTo(Duration.ofHours(1));
        assertThat(config.truth().fraud())
                .isEqualTo(new FraudRulesConfig(
                        new FraudRulesConfig.BotDevice(true, BatchSettings.BOT_USER_AGENT_PATTERN.defaultValue()),
                        new FraudRulesConfig.ClickRatePerUser(true, 10),
                        new FraudRulesConfig.FastClick(false, Duration.ofMillis(300)),
                        new FraudRulesConfig.IpBurst(true, 5, List.of("127.", "::1", "0:0:0:0:0:0:0:1"))));
    }

    @Test
    void aFlagOverridesTheEnvironmentWhichOverridesTheDefault() {
        BatchConfig config = BatchSettings.resolve(
                Map.of("adclick.catalog.uri", "http://flag:8181"),
                Map.of("ADCLICK_CATALOG_URI", "http://env:8181", "ADCLICK_FRAUD_FAST_CLICK_ENABLED", "true"));

        assertThat(config.catalog().uri()).isEqualTo("http://flag:8181");
        assertThat(config.truth().fraud().fastClick().enabled()).isTrue();
    }

    @Test
    void everySettingHasAnEnvironmentVariableDerivedFromItsKey() {
        assertThat(BatchSettings.S3_SECRET_KEY.environmentVariable()).isEqualTo("ADCLICK_S3_SECRET_KEY");
        assertThat(BatchSettings.ALL).extracting(Setting::key).doesNotHaveDuplicates();
    }

    @Test
    void badValuesAndUnknownKeysAreRejectedWithTheKeyAndWhatToDo() {
        assertThatThrownBy(() -> BatchSettings.resolve(Map.of("adclick.truth.lookback-hours", "many"), Map.of()))
                .hasMessageContaining("adclick.truth.lookback-hours=\"many\"");
        assertThatThrownBy(() -> BatchSettings.resolve(Map.of("adclick.catalog.urll", "x"), Map.of()))
                .hasMessageStartingWith("Unknown setting \"adclick.catalog.urll\"");
        assertThatThrownBy(() -> BatchSettings.resolve(Map.of(), Map.of("ADCLICK_CATALOG_TYPE", "glue")))
                .hasMessageContaining("use rest or hadoop");
        assertThatThrownBy(() -> BatchSettings.parsePairs(List.of("novalue"))).hasMessageContaining("use key=value");
    }

    @Test
    void theSecretKeyIsNotPrinted() {
        assertThat(BatchSettings.defaults().catalog().s3().toString()).doesNotContain("adclick-dev-secret");
    }
}
