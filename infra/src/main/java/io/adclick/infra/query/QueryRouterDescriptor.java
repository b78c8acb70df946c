package io.adclick.infra.query;

import io.adclick.infra.config.QueryConfig;
import io.adclick.infra.config.StackConfig;
import io.adclick.infra.edge.IngestEdge;
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

/** The query router: reports, invoices, audit and the dashboard over Trino and Pinot. */
public final class QueryRouterDescriptor implements ComponentDescriptor {
    @Override
    public String name() {
        return QueryRouter.NAME;
    }

    @Override
    public List<ComponentPort> ports(StackConfig config) {
        return List.of(new ComponentPort("router", config.query().routerPort(), QueryConfig.ROUTER_PORT_ENV));
    }

    @Override
    public ManagedComponent create(LaunchContext context) {
        return new QueryRouter(context.config(), context.reportDeath());
    }

    @Override
    public ComponentStatus status(ComponentRecord component, StatusContext context) {
        return ComponentStatus.of(
                IngestEdge.probe(URI.create(component.url())),
                () -> StatusProbes.metricsFigures(
                        URI.create(component.url() + "/metrics"), m -> new RouterFigures(m).describe()));
    }

    @Override
    public List<UrlLine> urls(LaunchContext context) {
        String router = context.config().query().routerUrl();
        return List.of(new UrlLine(
                "query router", "%s (API: %s/swagger-ui/, key e.g. dev-finance)".formatted(router, router)));
    }
}
