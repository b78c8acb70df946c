package io.adclick.infra.traffic;

import io.adclick.infra.config.StackConfig;
import io.adclick.infra.launcher.ComponentDescriptor;
import io.adclick.infra.launcher.ComponentPort;
import io.adclick.infra.launcher.ComponentStatus;
import io.adclick.infra.launcher.LaunchContext;
import io.adclick.infra.launcher.StatusContext;
import io.adclick.infra.launcher.UrlLine;
import io.adclick.infra.process.ChildProcess;
import io.adclick.infra.stack.ComponentRecord;
import io.adclick.infra.stack.Health;
import io.adclick.infra.stack.ManagedComponent;
import java.nio.file.Path;
import java.util.List;

/** The synthetic traffic {@code adclick up} sends to the edge unless {@code --no-traffic}. */
public final class TrafficGeneratorDescriptor implements ComponentDescriptor {
    @Override
    public String name() {
        return TrafficGenerator.NAME;
    }

    @Override
    public List<ComponentPort> ports(StackConfig config) {
        return List.of();
    }

    @Override
    public boolean enabled(LaunchContext context) {
        return context.trafficSeed().isPresent();
    }

    @Override
    public ManagedComponent create(LaunchContext context) {
        return new TrafficGenerator(
                context.config(), TrafficMix.DEFAULT, context.trafficSeed().orElseThrow(), line -> context.console()
                        .accept("traffic: " + line));
    }

    @Override
    public ComponentStatus status(ComponentRecord component, StatusContext context) {
        List<String> last = ChildProcess.tail(Path.of(component.log()), 1);
        return new ComponentStatus(Health.up("running"), last.isEmpty() ? "" : last.get(0));
    }

    @Override
    public List<UrlLine> urls(LaunchContext context) {
        return List.of(new UrlLine(
                "traffic",
                context.trafficSeed().isPresent()
                        ? context.config().trafficRate() + " requests/s"
                        : "off (--no-traffic)"));
    }
}
