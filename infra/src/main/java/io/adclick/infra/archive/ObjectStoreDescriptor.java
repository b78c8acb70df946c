package io.adclick.infra.archive;

import io.adclick.infra.config.ArchiveConfig;
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

/** The S3-compatible object store that holds the Iceberg warehouse. */
public final class ObjectStoreDescriptor implements ComponentDescriptor {
    @Override
    public String name() {
        return ObjectStore.NAME;
    }

    @Override
    public List<ComponentPort> ports(StackConfig config) {
        return List.of(new ComponentPort(
                "object store", config.archive().objectStorePort(), ArchiveConfig.OBJECT_STORE_PORT_ENV));
    }

    @Override
    public ManagedComponent create(LaunchContext context) {
        return new ObjectStore(context.config(), context.reportDeath());
    }

    @Override
    public ComponentStatus status(ComponentRecord component, StatusContext context) {
        return new ComponentStatus(HttpProbe.answers(URI.create(component.url() + "/")), "");
    }

    @Override
    public List<UrlLine> urls(LaunchContext context) {
        return List.of(new UrlLine(
                "object store",
                "%s (bucket %s)".formatted(context.config().archive().objectStoreUrl(), ArchiveConfig.BUCKET)));
    }
}
