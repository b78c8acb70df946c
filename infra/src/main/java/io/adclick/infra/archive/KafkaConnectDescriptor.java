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

/** The Kafka Connect worker that runs the Iceberg sinks of the archive. */
public final class KafkaConnectDescriptor implements ComponentDescriptor {
    @Override
    public String name() {
        return KafkaConnectWorker.NAME;
    }

    @Override
    public List<ComponentPort> ports(StackConfig config) {
        return List.of(new ComponentPort("Connect", config.archive().connectPort(), ArchiveConfig.CONNECT_PORT_ENV));
    }

    @Override
    public ManagedComponent create(LaunchContext context) {
        return new KafkaConnectWorker(context.config(), context.reportDeath());
    }

    @Override
    public ComponentStatus status(ComponentRecord component, StatusContext context) {
        URI connectUrl = URI.create(component.url());
        return ComponentStatus.of(HttpProbe.answers(URI.create(component.url() + "/")), () -> {
            String status = KafkaConnectWorker.connectorStatus(connectUrl).describe();
            if (context.kafkaBootstrap().isEmpty()) {
                return status;
            }
            return StatusProbes.withKafka(
                    context,
                    status + ", lag unavailable",
                    admin -> "%s, %,d events.raw records behind the sink's committed offsets"
                            .formatted(status, ArchiveFigures.archiveLag(admin, StatusProbes.TIMEOUT)));
        });
    }

    @Override
    public List<UrlLine> urls(LaunchContext context) {
        return List.of(new UrlLine(
                "Kafka Connect",
                "%s/connectors/%s/status".formatted(context.config().archive().connectUrl(), ArchiveConnector.NAME)));
    }
}
