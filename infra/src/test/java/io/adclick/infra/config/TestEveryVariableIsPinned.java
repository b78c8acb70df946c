package io.adclick.infra.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ADCLICK_*} variable the launcher's configuration declares is listed here with a
 * value other than its default, and each one on its own changes the configuration: a variable
 * added without being listed, or declared and never read, fails this test.
 */
class TestEveryVariableIsPinned {
    private static final AdclickHome HOME = new AdclickHome(Path.of("/opt/adclick"));

    private static final Map<String, String> NON_DEFAULT_VALUES = Map.ofEntries(
            Map.entry("ADCLICK_STATE_DIR", "/var/lib/adclick"),
            Map.entry("ADCLICK_KAFKA_PORT", "19092"),
            Map.entry("ADCLICK_KAFKA_CONTROLLER_PORT", "19093"),
            Map.entry("ADCLICK_EDGE_PORT", "18080"),
            Map.entry("ADCLICK_KAFKA_HEAP", "1g"),
            Map.entry("ADCLICK_EDGE_HEAP", "256m"),
            Map.entry("ADCLICK_TRAFFIC_RATE", "5"),
            Map.entry("ADCLICK_START_TIMEOUT_SECONDS", "120"),
            Map.entry("ADCLICK_STOP_TIMEOUT_SECONDS", "10"),
            Map.entry("ADCLICK_BACKGROUND_NICE", "0"),
            Map.entry("ADCLICK_OBJECT_STORE_PORT", "19000"),
            Map.entry("ADCLICK_CATALOG_PORT", "19181"),
            Map.entry("ADCLICK_CONNECT_PORT", "18083"),
            Map.entry("ADCLICK_OBJECT_STORE_HEAP", "128m"),
            Map.entry("ADCLICK_CATALOG_HEAP", "128m"),
            Map.entry("ADCLICK_CONNECT_HEAP", "1g"),
            Map.entry("ADCLICK_S3_ACCESS_KEY", "another-access-key"),
            Map.entry("ADCLICK_S3_SECRET_KEY", "another-secret-key"),
            Map.entry("ADCLICK_RAW_EVENTS_RETENTION_DAYS", "30"),
            Map.entry("ADCLICK_ARCHIVE_COMMIT_INTERVAL_MS", "1000"),
            Map.entry("ADCLICK_ARCHIVE_STALL_TIMEOUT_S", "120"),
            Map.entry("ADCLICK_MONITOR_PORT", "18097"),
            Map.entry("ADCLICK_MONITOR_INTERVAL_SECONDS", "15"),
            Map.entry("ADCLICK_PINOT_ZOOKEEPER_PORT", "12191"),
            Map.entry("ADCLICK_PINOT_CONTROLLER_PORT", "19100"),
            Map.entry("ADCLICK_PINOT_BROKER_PORT", "18099"),
            Map.entry("ADCLICK_PINOT_SERVER_PORT", "19101"),
            Map.entry("ADCLICK_PINOT_SERVER_ADMIN_PORT", "19102"),
            Map.entry("ADCLICK_PINOT_HEAP", "2g"),
            Map.entry("ADCLICK_ROUTER_PORT", "18081"),
            Map.entry("ADCLICK_TRINO_PORT", "18082"),
            Map.entry("ADCLICK_ROUTER_HEAP", "512m"),
            Map.entry("ADCLICK_TRINO_HEAP", "3g"),
            Map.entry("ADCLICK_TRINO_JAVA_HOME", "/opt/another-jdk"),
            Map.entry("ADCLICK_TRINO_START_TIMEOUT_SECONDS", "240"),
            Map.entry("ADCLICK_STREAM_HEAP", "2g"),
            Map.entry("ADCLICK_STREAM_STATE_BACKEND", "rocksdb"),
            Map.entry("ADCLICK_STREAM_PARALLELISM", "4"),
            Map.entry("ADCLICK_STREAM_CHECKPOINT_INTERVAL_SECONDS", "30"),
            Map.entry("ADCLICK_STREAM_EARLY_FIRE_INTERVAL_MS", "500"),
            Map.entry("ADCLICK_STREAM_REST_PORT", "18088"),
            Map.entry("ADCLICK_TRUTH_SPARK_HEAP", "3g"),
            Map.entry("ADCLICK_TRUTH_SCHEDULER", "off"),
            Map.entry("ADCLICK_TRUTH_GRACE_SECONDS", "30"),
            Map.entry("ADCLICK_TRUTH_CHECK_INTERVAL_SECONDS", "10"),
            Map.entry("ADCLICK_TRUTH_WINDOW_HOURS", "48"),
            Map.entry("ADCLICK_TRUTH_DAILY_INTERVAL_MINUTES", "60"),
            Map.entry("ADCLICK_TRUTH_MAINTAIN_INTERVAL_MINUTES", "120"),
            Map.entry("ADCLICK_TRUTH_RUN_TIMEOUT_MINUTES", "45"));

    @Test
    void everyDeclaredVariableIsListedHere() {
        assertThat(new TreeSet<>(NON_DEFAULT_VALUES.keySet())).isEqualTo(declaredVariables());
    }

    @Test
    void eachVariableOnItsOwnChangesTheConfiguration() {
        StackConfig defaults = StackConfig.fromEnvironment(HOME, Map.of());
        NON_DEFAULT_VALUES.forEach(
                (variable, value) -> assertThat(StackConfig.fromEnvironment(HOME, Map.of(variable, value)))
                        .as("%s=%s", variable, value)
                        .isNotEqualTo(defaults));
    }

    @Test
    void allVariablesTogetherAreAValidConfiguration() {
        StackConfig config = StackConfig.fromEnvironment(HOME, NON_DEFAULT_VALUES);

        assertThat(config.kafkaPort()).isEqualTo(19092);
        assertThat(config.truth().schedulerEnabled()).isFalse();
    }

    /** The values of every {@code public static final String *_ENV} constant of the launcher's configuration. */
    private static Set<String> declaredVariables() {
        Set<String> variables = new TreeSet<>();
        Stream.of(
                        StackConfig.class,
                        ArchiveConfig.class,
                        MonitorConfig.class,
                        PinotConfig.class,
                        QueryConfig.class,
                        StreamConfig.class,
                        TruthConfig.class)
                .flatMap(type -> Stream.of(type.getDeclaredFields()))
                .filter(field -> Modifier.isStatic(field.getModifiers())
                        && field.getType() == String.class
                        && field.getName().endsWith("_ENV"))
                .map(TestEveryVariableIsPinned::value)
                .forEach(variables::add);
        return variables;
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
