package io.adclick.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adclick.infra.config.AdclickHome;
import io.adclick.infra.config.ArchiveConfig;
import io.adclick.infra.config.MonitorConfig;
import io.adclick.infra.config.PinotConfig;
import io.adclick.infra.config.QueryConfig;
import io.adclick.infra.config.StackConfig;
import io.adclick.infra.config.StreamConfig;
import io.adclick.infra.launcher.ComponentDescriptor;
import io.adclick.infra.launcher.ComponentPort;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TestStackComponents {
    private static final AdclickHome HOME = new AdclickHome(Path.of("/opt/adclick"));

    @Test
    void componentsStartInDependencyOrder() {
        assertThat(StackComponents.all().stream().map(ComponentDescriptor::name))
                .containsExactly(
                        "kafka",
                        "objectstore",
                        "catalog",
                        "connect",
                        "archive-watchdog",
                        "truth",
                        "edge",
                        "pinot",
                        "stream",
                        "monitor",
                        "trino",
                        "router",
                        "traffic");
    }

    @Test
    void everyPortVariableOfTheConfigurationBelongsToAComponent() {
        List<String> declared = Stream.of(
                        StackConfig.class,
                        ArchiveConfig.class,
                        MonitorConfig.class,
                        PinotConfig.class,
                        QueryConfig.class,
                        StreamConfig.class)
                .flatMap(type -> Stream.of(type.getDeclaredFields()))
                .filter(field -> Modifier.isStatic(field.getModifiers())
                        && field.getName().endsWith("PORT_ENV"))
                .map(TestStackComponents::value)
                .toList();

        assertThat(StackComponents.ports(StackConfig.defaults(HOME)).stream().map(ComponentPort::variable))
                .containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void portsMustDiffer() {
        assertThatThrownBy(() -> StackComponents.requireDistinctPorts(
                        StackConfig.fromEnvironment(HOME, Map.of("ADCLICK_KAFKA_CONTROLLER_PORT", "9092"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Ports must differ: Kafka, Kafka controller all use port 9092");
        assertThatThrownBy(() -> StackComponents.requireDistinctPorts(
                        StackConfig.fromEnvironment(HOME, Map.of("ADCLICK_MONITOR_PORT", "8081"))))
                .hasMessageContaining("Ports must differ: monitor, router all use port 8081");
    }

    @Test
    void pinotPortsMustDifferFromTheRestOfTheStack() {
        assertThatThrownBy(() -> StackComponents.requireDistinctPorts(
                        StackConfig.fromEnvironment(HOME, Map.of("ADCLICK_PINOT_BROKER_PORT", "8080"))))
                .hasMessageContaining("Ports must differ");
    }

    @Test
    void theDefaultPortsDiffer() {
        StackConfig config = StackConfig.defaults(HOME);

        assertThat(StackComponents.requireDistinctPorts(config)).isSameAs(config);
    }

    @Test
    void onlyNamesComponentsOfTheRegistry() {
        assertThat(StackComponents.only(List.of("edge", "kafka")).stream().map(ComponentDescriptor::name))
                .containsExactly("kafka", "edge");
        assertThatThrownBy(() -> StackComponents.only(List.of("kafka", "zookeeper")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown component(s) in --only: zookeeper (must be among kafka,objectstore");
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
