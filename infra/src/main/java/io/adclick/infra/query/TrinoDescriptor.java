package io.adclick.infra.query;

import io.adclick.infra.config.QueryConfig;
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

/** The Trino coordinator that answers billing queries over the Iceberg tables. */
public final class TrinoDescriptor implements ComponentDescriptor {
    @Override
    public String name() {
        return Trino.NAME;
    }

    @Override
    public List<ComponentPort> ports(StackConfig config) {
        return List.of(new ComponentPort("Trino", config.query().trinoPort(), QueryConfig.TRINO_PORT_ENV));
    }

    @Override
    public ManagedComponent create(LaunchContext context) {
        return new Trino(context.config(), context.reportDeath());
    }

    @Override
    public ComponentStatus status(ComponentRecord component, StatusContext context) {
        return new ComponentStatus(Trino.probe(URI.create(component.url())), component.url() + "/ui/");
    }

    @Override
    public List<UrlLine> urls(LaunchContext context) {
        StackConfig config = context.config();
        return List.of(new UrlLine(
                "Trino",
                "%s (catalog iceberg, schema adclick; log %s)"
                        .formatted(config.query().trinoUrl(), config.logFile(Trino.NAME))));
    }
}
