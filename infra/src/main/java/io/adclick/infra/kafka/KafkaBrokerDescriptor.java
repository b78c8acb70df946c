package io.adclick.infra.kafka;

import static java.util.Objects.requireNonNull;

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
import io.adclick.schemas.wire.Topics;
import java.util.List;
import java.util.Map;

/** The single KRaft broker (and controller) every other component talks to. */
public final class KafkaBrokerDescriptor implements ComponentDescriptor {
    private final List<TopicSpec> topics;

    /** @param topics the topics the broker creates at start */
    public KafkaBrokerDescriptor(List<TopicSpec> topics) {
        this.topics = List.copyOf(requireNonNull(topics, "topics is null"));
    }

    @Override
    public String name() {
        return KafkaBroker.NAME;
    }

    @Override
    public List<ComponentPort> ports(StackConfig config) {
        return List.of(
                new ComponentPort("Kafka", config.kafkaPort(), StackConfig.KAFKA_PORT_ENV),
                new ComponentPort(
                        "Kafka controller", config.kafkaControllerPort(), StackConfig.KAFKA_CONTROLLER_PORT_ENV));
    }

    @Override
    public ManagedComponent create(LaunchContext context) {
        return new KafkaBroker(context.config(), topics, context.reportDeath());
    }

    @Override
    public ComponentStatus status(ComponentRecord component, StatusContext context) {
        return ComponentStatus.of(
                KafkaBroker.probe(component.url(), StatusProbes.TIMEOUT),
                () -> StatusProbes.withKafka(component.url(), "end offsets unavailable", admin -> {
                    Map<String, Long> offsets = KafkaFigures.endOffsets(
                            admin, List.of(Topics.EVENTS_RAW, Topics.EVENTS_QUARANTINE), StatusProbes.TIMEOUT);
                    StringBuilder text = new StringBuilder("end offsets:");
                    offsets.forEach((topic, offset) ->
                            text.append(' ').append(topic).append('=').append(offset));
                    return text.toString();
                }));
    }

    @Override
    public List<UrlLine> urls(LaunchContext context) {
        return List.of(new UrlLine("Kafka bootstrap", context.config().kafkaBootstrap()));
    }
}
