package io.adclick.batch.config;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * One configuration key: its name (as given with {@code --conf key=value}), the environment
 * variable that sets it, its default and what it means.
 */
public record Setting(String key, String defaultValue, String description) {
    public Setting {
        requireNonNull(key, "key is null");
        requireNonNull(defaultValue, "defaultValue is null");
        requireNonNull(description, "description is null");
    }

    /** {@code adclick.catalog.uri} is set by {@code ADCLICK_CATALOG_URI}. */
    public String environmentVariable() {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
