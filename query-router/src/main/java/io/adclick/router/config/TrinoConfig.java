package io.adclick.router.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Where the router reads billing truth ({@code adclick.router.trino.*}).
 *
 * @param url the Trino coordinator, e.g. {@code http://127.0.0.1:8082}
 * @param catalog the Iceberg catalog's name in Trino
 * @param schema the namespace of the adclick tables (CONTRACT section 5)
 * @param user the Trino user the router queries as
 * @param queryTimeout how long one query may run before the caller gets a 503
 */
@ConfigurationProperties("adclick.router.trino")
public record TrinoConfig(
        @Bindable(defaultValue = "http://127.0.0.1:8082") @NotBlank String url,
        @Bindable(defaultValue = "iceberg") @NotBlank String catalog,
        @Bindable(defaultValue = "adclick") @NotBlank String schema,
        @Bindable(defaultValue = "adclick-router") @NotBlank String user,
        @Bindable(defaultValue = "60s") @NotNull Duration queryTimeout) {

    public TrinoConfig {
        if (!url.matches("https?://[^/?#]+/?")) {
            throw new IllegalArgumentException(
                    "Invalid adclick.router.trino.url \"%s\": use http://host:port".formatted(url));
        }
        if (!catalog.matches("[a-z][a-z0-9_]*") || !schema.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException(
                    "Invalid adclick.router.trino catalog \"%s\" or schema \"%s\": use [a-z][a-z0-9_]*"
                            .formatted(catalog, schema));
        }
    }

    /** The JDBC URL of the truth schema, session time zone UTC. */
    public String jdbcUrl() {
        String hostPort = url.replaceFirst("^https?://", "").replaceFirst("/$", "");
        return "jdbc:trino://%s/%s/%s?timezone=UTC&SSL=%s"
                .formatted(hostPort, catalog, schema, url.startsWith("https"));
    }
}
