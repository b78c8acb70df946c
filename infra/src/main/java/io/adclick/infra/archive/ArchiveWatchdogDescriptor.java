package io.adclick.infra.archive;

import io.adclick.infra.config.StackConfig;
import io.adclick.infra.launcher.ComponentDescriptor;
import io.adclick.infra.launcher.ComponentPort;
import io.adclick.infra.launcher.ComponentStatus;
import io.adclick.infra.launcher.LaunchContext;
import io.adclick.infra.launcher.StatusContext;
import io.adclick.infra.launcher.StatusProbes;
import io.adclick.infra.launcher.UrlLine;
import io.adclick.infra.stack.ComponentRecord;
import io.adclick.infra.stack.Health;
import io.adclick.infra.stack.ManagedComponent;
import java.util.List;

/** The launcher thread that restarts Kafka Connect when the archive stops committing. */
public final class ArchiveWatchdogDescriptor implements ComponentDescriptor {
    @Override
    public String name() {
        return ArchiveWatchdog.NAME;
    }

    @Override
    public List<ComponentPort> ports(StackConfig config) {
        return List.of();
    }

    @Override
    public ManagedComponent create(LaunchContext context) {
        return new ArchiveWatchdog(
                context.config(),
                context.component(KafkaConnectWorker.NAME, KafkaConnectWorker.class),
                context.console(),
                context.recordRestart(),
                context.clock());
    }

    @Override
    public ComponentStatus status(ComponentRecord component, StatusContext context) {
        return new ComponentStatus(
                Health.up("watching raw_events commits"),
                StatusProbes.lastLogLine(component, "archive: ").orElse("no restart of Kafka Connect needed"));
    }

    @Override
    public List<UrlLine> urls(LaunchContext context) {
        return List.of();
    }
}
