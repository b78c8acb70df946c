package io.adclick.edge;

import static java.util.Objects.requireNonNull;

import io.adclick.edge.client.DeviceClassifier;
import io.adclick.edge.log.SpoolDrainer;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/**
 * Starts the edge's background work when its HTTP server starts: builds the User-Agent analyzer
 * (so that no request pays for it) and starts draining the spool. A context without a server,
 * such as a configuration test, starts neither.
 */
@Singleton
public class EdgeStartup implements ApplicationEventListener<ServerStartupEvent> {
    private final SpoolDrainer drainer;
    private final DeviceClassifier devices;

    public EdgeStartup(SpoolDrainer drainer, DeviceClassifier devices) {
        this.drainer = requireNonNull(drainer, "drainer is null");
        this.devices = requireNonNull(devices, "devices is null");
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        drainer.start();
    }
}
