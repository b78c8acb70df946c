package io.adclick.infra.config;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * How the stack runs Apache Pinot (the {@code infra/runtime-pinot} child JVM: ZooKeeper,
 * controller, broker and server in one process). Every default is below, next to the environment
 * variable that overrides it.
 *
 * @param zookeeperPort the embedded ZooKeeper's client port
 * @param controllerPort the controller's HTTP port (REST API and UI)
 * @param brokerPort the broker's HTTP query port ({@code /query/sql})
 * @param serverPort the server's netty query port (the broker talks to it)
 * @param serverAdminPort the server's admin HTTP port
 * @param heap the heap of the Pinot JVM
 */
public record PinotConfig(
        int zookeeperPort, int controllerPort, int brokerPort, int serverPort, int serverAdminPort, String heap) {

    public static final String ZOOKEEPER_PORT_ENV = "ADCLICK_PINOT_ZOOKEEPER_PORT";
    public static final int DEFAULT_ZOOKEEPER_PORT = 2191;

    public static final String CONTROLLER_PORT_ENV = "ADCLICK_PINOT_CONTROLLER_PORT";
    public static final int DEFAULT_CONTROLLER_PORT = 9100;

    public static final String BROKER_PORT_ENV = "ADCLICK_PINOT_BROKER_PORT";
    public static final int DEFAULT_BROKER_PORT = 8099;

    public static final String SERVER_PORT_ENV = "ADCLICK_PINOT_SERVER_PORT";
    public static final int DEFAULT_SERVER_PORT = 9101;

    public static final String SERVER_ADMIN_PORT_ENV = "ADCLICK_PINOT_SERVER_ADMIN_PORT";
    public static final int DEFAULT_SERVER_ADMIN_PORT = 9102;

    public static final String HEAP_ENV = "ADCLICK_PINOT_HEAP";
    public static final String DEFAULT_HEAP = "1280m";

    /** The Helix cluster the three services join. */
    public static final String CLUSTER = "adclick";

    public PinotConfig {
        StackConfig.port("Pinot ZooKeeper port (" + ZOOKEEPER_PORT_ENV + ")", zookeeperPort);
        StackConfig.port("Pinot controller port (" + CONTROLLER_PORT_ENV + ")", controllerPort);
        StackConfig.port("Pinot broker port (" + BROKER_PORT_ENV + ")", brokerPort);
        StackConfig.port("Pinot server port (" + SERVER_PORT_ENV + ")", serverPort);
        StackConfig.port("Pinot server admin port (" + SERVER_ADMIN_PORT_ENV + ")", serverAdminPort);
        if (IntStream.of(zookeeperPort, controllerPort, brokerPort, serverPort, serverAdminPort)
                        .distinct()
                        .count()
                < 5) {
            throw new IllegalArgumentException(
                    "Pinot's ports must differ: ZooKeeper %d, controller %d, broker %d, server %d, server admin %d"
                            .formatted(zookeeperPort, controllerPort, brokerPort, serverPort, serverAdminPort));
        }
        StackConfig.heap(HEAP_ENV, requireNonNull(heap, "heap is null"));
    }

    /** The defaults overridden by {@code ADCLICK_PINOT_*} variables from {@code env}. */
    public static PinotConfig fromEnvironment(Map<String, String> env) {
        requireNonNull(env, "env is null");
        return new PinotConfig(
                StackConfig.get(env, ZOOKEEPER_PORT_ENV, Integer::parseInt, DEFAULT_ZOOKEEPER_PORT),
                StackConfig.get(env, CONTROLLER_PORT_ENV, Integer::parseInt, DEFAULT_CONTROLLER_PORT),
                StackConfig.get(env, BROKER_PORT_ENV, Integer::parseInt, DEFAULT_BROKER_PORT),
                StackConfig.get(env, SERVER_PORT_ENV, Integer::parseInt, DEFAULT_SERVER_PORT),
                StackConfig.get(env, SERVER_ADMIN_PORT_ENV, Integer::parseInt, DEFAULT_SERVER_ADMIN_PORT),
                StackConfig.get(env, HEAP_ENV, Function.identity(), DEFAULT_HEAP));
    }

    /** The defaults alone. */
    public static PinotConfig defaults() {
        return fromEnvironment(Map.of());
    }

    /** The controller's base URL, e.g. {@code http://127.0.0.1:9100}. */
    public String controllerUrl() {
        return "http://" + StackConfig.LOOPBACK + ":" + controllerPort;
    }

    /** The broker's base URL, e.g. {@code http://127.0.0.1:8099}. */
    public String brokerUrl() {
        return "http://" + StackConfig.LOOPBACK + ":" + brokerPort;
    }

    /** The ZooKeeper connect string, e.g. {@code 127.0.0.1:2191}. */
    public String zookeeperAddress() {
        return StackConfig.LOOPBACK + ":" + zookeeperPort;
    }
}
