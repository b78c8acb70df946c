package io.adclick.infra.stream;

import io.adclick.infra.config.StackConfig;
import io.adclick.infra.config.StreamConfig;
import io.adclick.infra.launcher.ComponentDescriptor;
import io.adclick.infra.launcher.ComponentPort;
import io.adclick.infra.launcher.ComponentStatus;
import io.adclick.infra.launcher.LaunchContext;
import io.adclick.infra.launcher.StatusContext;
import io.adclick.infra.launcher.StatusProbes;
import io.adclick.infra.launcher.UrlLine;
import io.adclick.infra.stack.ComponentRecord;
import io.adclick.infra.stack.ManagedComponent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The Flink job that turns {@code events.raw} into minute rollups (estimates). */
public final class StreamEstimatesDescriptor implements ComponentDescriptor {
    @Override
    public String name() {
        return StreamEstimates.NAME;
    }

    @Override
    public List<ComponentPort> ports(StackConfig config) {
        return List.of(new ComponentPort("Flink REST", config.stream().restPort(), StreamConfig.REST_PORT_ENV));
    }

    @Override
    public ManagedComponent create(LaunchContext context) {
        return new StreamEstimates(context.config(), context.reportDeath());
    }

    @Override
    public ComponentStatus status(ComponentRecord component, StatusContext context) {
        return new ComponentStatus(
                StreamEstimates.probe(
                        Path.of(component.url()),
                        component.startedAt(),
                        context.config().stream().stalledAfter(),
                        Instant.now()),
                StatusProbes.withKafka(
                        context, "lag unavailable", admin -> StreamFigures.read(admin, StatusProbes.TIMEOUT)
                                .describe()));
    }

    @Override
    public List<UrlLine> urls(LaunchContext context) {
        StackConfig config = context.config();
        return List.of(new UrlLine(
                "stream job",
                "Flink, %s state, checkpoints in %s, REST %s; log %s"
                        .formatted(
                                config.stream().stateBackend().name().toLowerCase(Locale.ROOT),
                                config.flinkCheckpointDir(),
                                StreamEstimates.restUrl(config),
                                config.logFile(StreamEstimates.NAME))));
    }
}
