package io.adclick.infra.cli;

import io.adclick.infra.archive.HttpProbe;
import io.adclick.infra.config.StackConfig;
import io.adclick.infra.stack.Health;
import java.net.URI;

/** What {@code adclick batch} and {@code adclick backfill} share. */
final class TruthCommands {
    private TruthCommands() {}

    /** Exit code of a command given bad input (as picocli answers a bad option). */
    static final int BAD_INPUT = 2;

    /** Fails with what to do when the stack's catalog does not answer. */
    static void requireCatalog(StackConfig config) {
        URI url = URI.create(config.archive().catalogUrl() + "/v1/config");
        Health health = HttpProbe.answers(url);
        if (!health.healthy()) {
            throw new IllegalStateException(
                    "The Iceberg catalog at %s does not answer (%s): start the stack with ./adclick up, or set ADCLICK_CATALOG_PORT and ADCLICK_OBJECT_STORE_PORT to those of the running one"
                            .formatted(config.archive().catalogUrl(), health.detail()));
        }
    }
}
