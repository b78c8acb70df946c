package io.adclick.infra.cli;

import io.adclick.infra.archive.ArchiveWatchdogDescriptor;
import io.adclick.infra.archive.IcebergCatalogDescriptor;
import io.adclick.infra.archive.KafkaConnectDescriptor;
import io.adclick.infra.archive.ObjectStoreDescriptor;
import io.adclick.infra.config.StackConfig;
import io.adclick.infra.edge.IngestEdgeDescriptor;
import io.adclick.infra.kafka.KafkaBrokerDescriptor;
import io.adclick.infra.launcher.ComponentDescriptor;
import io.adclick.infra.launcher.ComponentPort;
import io.adclick.infra.monitor.PipelineMonitorDescriptor;
import io.adclick.infra.pinot.PinotDescriptor;
import io.adclick.infra.query.QueryRouterDescriptor;
import io.adclick.infra.query.TrinoDescriptor;
import io.adclick.infra.stream.StreamEstimatesDescriptor;
import io.adclick.infra.traffic.TrafficGeneratorDescriptor;
import io.adclick.infra.truth.TruthSchedulerDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The registry of the embedded stack: every component, in start order. {@code up}, {@code status},
 * {@code --only}, the address list and the port checks are all derived from this one list.
 */
public final class StackComponents {
    private static final List<ComponentDescriptor> ALL = List.of(
            new KafkaBrokerDescriptor(StackTopics.all()),
            new ObjectStoreDescriptor(),
            new IcebergCatalogDescriptor(),
            new KafkaConnectDescriptor(),
            new ArchiveWatchdogDescriptor(),
            new TruthSchedulerDescriptor(),
            new IngestEdgeDescriptor(),
            // before the job, so that its rollups land in a table that exists (Pinot would read them later anyway)
            new PinotDescriptor(),
            // after the edge: ingest must not wait for Flink's start, and the job misses nothing (committed offsets)
            new StreamEstimatesDescriptor(),
            new PipelineMonitorDescriptor(),
            // the read side last: Trino's ~30 s start must not delay ingest
            new TrinoDescriptor(),
            new QueryRouterDescriptor(),
            new TrafficGeneratorDescriptor());

    private StackComponents() {}

    /** Every component, in start order. */
    public static List<ComponentDescriptor> all() {
        return ALL;
    }

    /**
     * The components named, in start order (for {@code up --only}).
     *
     * @throws IllegalArgumentException naming the unknown names and the known ones
     */
    public static List<ComponentDescriptor> only(List<String> names) {
        List<String> known = ALL.stream().map(ComponentDescriptor::name).toList();
        List<String> unknown =
                names.stream().filter(name -> !known.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown component(s) in --only: %s (must be among %s)"
                    .formatted(String.join(",", unknown), String.join(",", known)));
        }
        return ALL.stream()
                .filter(component -> names.contains(component.name()))
                .toList();
    }

    /** Every loopback port of the stack, in start order of the components. */
    public static List<ComponentPort> ports(StackConfig config) {
        return ALL.stream()
                .flatMap(component -> component.ports(config).stream())
                .toList();
    }

    /**
     * Checks that no two components would listen on the same port.
     *
     * @throws IllegalArgumentException naming the ports that collide
     */
    public static StackConfig requireDistinctPorts(StackConfig config) {
        Map<Integer, List<String>> byPort = new TreeMap<>();
        ports(config).forEach(port -> byPort.computeIfAbsent(port.port(), p -> new ArrayList<>())
                .add(port.label()));
        byPort.forEach((port, labels) -> {
            if (labels.size() > 1) {
                Collections.sort(labels);
                throw new IllegalArgumentException("Ports must differ: %s all use port %d; set one of them with its"
                                .formatted(String.join(", ", labels), port)
                        + " ADCLICK_*_PORT variable");
            }
        });
        return config;
    }
}
