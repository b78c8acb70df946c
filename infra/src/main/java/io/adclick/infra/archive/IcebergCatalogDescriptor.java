package io.adclick.infra.archive;

import io.adclick.infra.config.ArchiveConfig;
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

/** The Iceberg REST catalog of the archive and the billing tables. */
public final class IcebergCatalogDescriptor implements ComponentDescriptor {
    @Override
    public String name() {
        return IcebergCatalog.NAME;
    }

    @Override
    public List<ComponentPort> ports(StackConfig config) {
        return List.of(new ComponentPort("catalog", config.archive().catalogPort(), ArchiveConfig.CATALOG_PORT_ENV));
    }

    @Override
    public ManagedComponent create(LaunchContext context) {
        return new IcebergCatalog(context.config(), context.reportDeath());
    }

    @Override
    public ComponentStatus status(ComponentRecord component, StatusContext context) {
        URI catalogUrl = URI.create(component.url());
        return ComponentStatus.of(HttpProbe.answers(URI.create(component.url() + "/v1/config")), () -> {
            try {
                return ArchiveFigures.rawEvents(catalogUrl, StatusProbes.TIMEOUT)
                        .describe();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return "raw_events unavailable: " + e.getMessage();
            }
        });
    }

    @Override
    public List<UrlLine> urls(LaunchContext context) {
        return List.of(new UrlLine(
                "Iceberg catalog",
                "%s (REST; table adclick.raw_events)"
                        .formatted(context.config().archive().catalogUrl())));
    }
}
