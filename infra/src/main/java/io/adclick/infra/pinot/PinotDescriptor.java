package io.adclick.infra.pinot;

import io.adclick.infra.config.PinotConfig;
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
import io.adclick.schemas.pinot.PinotBroker;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Apache Pinot (ZooKeeper, controller, broker, server in one process) serving the stream's rollups. */
public final class PinotDescriptor implements ComponentDescriptor {
    @Override
    public String name() {
        return Pinot.NAME;
    }

    @Override
    public List<ComponentPort> ports(StackConfig config) {
        PinotConfig pinot = config.pinot();
        return List.of(
                new ComponentPort("Pinot ZooKeeper", pinot.zookeeperPort(), PinotConfig.ZOOKEEPER_PORT_ENV),
                new ComponentPort("Pinot controller", pinot.controllerPort(), PinotConfig.CONTROLLER_PORT_ENV),
                new ComponentPort("Pinot broker", pinot.brokerPort(), PinotConfig.BROKER_PORT_ENV),
                new ComponentPort("Pinot server", pinot.serverPort(), PinotConfig.SERVER_PORT_ENV),
                new ComponentPort("Pinot server admin", pinot.serverAdminPort(), PinotConfig.SERVER_ADMIN_PORT_ENV));
    }

    @Override
    public ManagedComponent create(LaunchContext context) {
        return new Pinot(context.config(), context.reportDeath());
    }

    @Override
    public ComponentStatus status(ComponentRecord component, StatusContext context) {
        URI brokerUrl = URI.create(component.url());
        return ComponentStatus.of(Pinot.probe(brokerUrl), () -> {
            try {
                return new RollupQueries(new PinotBroker(brokerUrl, StatusProbes.TIMEOUT))
                        .figures()
                        .describe(Instant.now());
            } catch (RuntimeException e) {
                return "rollups_minute unavailable: " + e.getMessage();
            }
        });
    }

    @Override
    public List<UrlLine> urls(LaunchContext context) {
        StackConfig config = context.config();
        return List.of(new UrlLine(
                "Pinot",
                "broker %s (table %s), controller %s; log %s"
                        .formatted(
                                config.pinot().brokerUrl(),
                                RollupsTable.NAME,
                                config.pinot().controllerUrl(),
                                config.logFile(Pinot.NAME))));
    }
}
