package io.adclick.router.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pins a configuration record the way Trino's config tests do: every default, and every key with a
 * value of its own. The key list is checked against the record's components, so a key added
 * without a test fails here.
 */
final class ConfigPins {
    private ConfigPins() {}

    /**
     * The record as bound with no configuration but the router's own {@code application.yml} (no
     * deduced {@code test} environment, whose {@code application-test.yml} points elsewhere).
     */
    static <T extends Record> void assertDefaults(Class<T> type, T expected) {
        assertThat(bound(type, Map.of())).isEqualTo(expected);
    }

    /**
     * {@code properties} names every key of {@code type}, each with a value other than its default,
     * and binds to {@code expected}.
     */
    static <T extends Record> void assertFullMapping(Class<T> type, Map<String, String> properties, T expected) {
        assertThat(properties.keySet())
                .as("the keys of %s", type.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(keys(type));
        T defaults = bound(type, Map.of());
        for (RecordComponent component : type.getRecordComponents()) {
            assertThat(value(component, expected))
                    .as("%s: the explicit value must differ from the default", key(type, component))
                    .isNotEqualTo(value(component, defaults));
        }
        assertThat(bound(type, properties)).isEqualTo(expected);
    }

    /** {@code <prefix>.<kebab-case component>} for each component of {@code type}. */
    static List<String> keys(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(component -> key(type, component))
                .toList();
    }

    private static String key(Class<?> type, RecordComponent component) {
        String prefix = type.getAnnotation(ConfigurationProperties.class).value();
        return prefix + "." + component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }

    private static <T> T bound(Class<T> type, Map<String, String> properties) {
        try (ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .properties(new HashMap<String, Object>(properties))
                .start()) {
            return context.getBean(type);
        }
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName(), e);
        }
    }
}
