package io.adclick.infra.edge;

import io.adclick.infra.config.StackConfig;
import io.adclick.infra.launcher.ComponentDescriptor;
import io.adclick.infra.launcher.ComponentPort;
import io.adclick.infra.launcher.ComponentStatus;
import io.adclick.infra.launcher.LaunchContext;
import io.adclick.infra.launcher.StatusContext;
import io.adclick.infra.launcher.UrlLine;
import io.adclick.infra.stack.ComponentRecord;
import io.adclick.infra.stack.ManagedComponent;
import java.net.URI;
import java.util.List;

/** The ingest edge: tracking, redirect and batch APIs in front of {@code events.raw}. */
public final class IngestEdgeDescriptor implements ComponentDescriptor {
    @Override
    public String name() {
        return IngestEdge.NAME;
    }

    @Override
    public List<ComponentPort> ports(StackConfig config) {
        return List.of(new ComponentPort("edge", config.edgePort(), StackConfig.EDGE_PORT_ENV));
    }

    @Override
    public ManagedComponent create(LaunchContext context) {
        return new IngestEdge(context.config(), context.reportDeath());
    }

    @Override
    public ComponentStatus status(ComponentRecord component, StatusContext context) {
        URI url = URI.create(component.url());
        return new ComponentStatus(
                IngestEdge.probe(url), EdgeFigures.scrape(url).describe());
    }

    @Override
    public List<UrlLine> urls(LaunchContext context) {
        String edge = context.config().edgeUrl();
        return List.of(
                new UrlLine("edge", edge),
                new UrlLine("edge health", edge + "/health"),
                new UrlLine("edge metrics", edge + "/metrics"));
    }
}
