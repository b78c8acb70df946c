package io.adclick.infra.monitor;

import io.adclick.infra.archive.HttpProbe;
import io.adclick.infra.config.MonitorConfig;
import io.adclick.infra.config.StackConfig;
import io.adclick.infra.launcher.ComponentDescriptor;
import io.adclick.infra.launcher.ComponentPort;
import io.adclick.infra.launcher.ComponentStatus;
import io.adclick.infra.launcher.LaunchContext;
import io.adclick.infra.launcher.StatusContext;
import io.adclick.infra.launcher.StatusProbes;
import io.adclick.infra.launcher.UrlLine;
import io.adclick.infra.stack.ComponentRecord;
import io.adclick.infra.stack.ManagedComponent;
import java.net.URI;
import java.util.List;

/** The launcher thread that serves the pipeline's Prometheus metrics (lag, checkpoints, freshness). */
public final class PipelineMonitorDescriptor implements ComponentDescriptor {
    @Override
    public String name() {
        return PipelineMonitor.NAME;
    }

    @Override
    public List<ComponentPort> ports(StackConfig config) {
        return List.of(new ComponentPort("monitor", config.monitor().port(), MonitorConfig.PORT_ENV));
    }

    @Override
    public ManagedComponent create(LaunchContext context) {
        StackConfig config = context.config();
        return new PipelineMonitor(
                MonitorTargets.of(config),
                context.console(),
                config.logFile("launcher").toString(),
                context.clock());
    }

    @Override
    public ComponentStatus status(ComponentRecord component, StatusContext context) {
        return ComponentStatus.of(
                HttpProbe.answers(URI.create(component.url() + "/health")),
                () -> StatusProbes.metricsFigures(
                        URI.create(component.url() + "/metrics"), m -> new MonitorFigures(m).describe()));
    }

    @Override
    public List<UrlLine> urls(LaunchContext context) {
        return List.of(new UrlLine(
                "pipeline metrics",
                "%s/metrics (consumer lag, checkpoints, dedup and late counts, archive freshness)"
                        .formatted(context.config().monitorUrl())));
    }
}
