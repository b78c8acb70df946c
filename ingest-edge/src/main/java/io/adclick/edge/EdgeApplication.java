package io.adclick.edge;

import io.micronaut.runtime.Micronaut;

/**
 * Starts the ingest edge: the impression pixel, the click redirect and the SDK batch API in front
 * of the raw log on Kafka, with a durable local spool for when Kafka is away.
 */
public final class EdgeApplication {
    private EdgeApplication() {}

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(EdgeApplication.class).start();
    }
}
