package io.adclick.infra.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Ports, heaps and the Java runtime of the read side: the Trino coordinator and the query router.
 * Every default is below, next to the environment variable that overrides it.
 *
 * @param routerPort the query router's HTTP port (CONTRACT section 3)
 * @param trinoPort the Trino coordinator's HTTP port
 * @param routerHeap the router JVM's maximum heap
 * @param trinoHeap the Trino JVM's maximum heap
 * @param trinoJavaHome the Java 22+ runtime Trino runs on; empty: the newest
 *     {@code /usr/lib/jvm/temurin-2x*} found at start
 * @param trinoStartTimeout how long Trino may take to say {@code "starting":false}
 */
public record QueryConfig(
        int routerPort,
        int trinoPort,
        String routerHeap,
        String trinoHeap,
        Optional<Path> trinoJavaHome,
        Duration trinoStartTimeout) {

    public static final String ROUTER_PORT_ENV = "ADCLICK_ROUTER_PORT";
    public static final int DEFAULT_ROUTER_PORT = 8081;

    public static final String TRINO_PORT_ENV = "ADCLICK_TRINO_PORT";
    public static final int DEFAULT_TRINO_PORT = 8082;

    public static final String ROUTER_HEAP_ENV = "ADCLICK_ROUTER_HEAP";
    public static final String DEFAULT_ROUTER_HEAP = "384m";

    public static final String TRINO_HEAP_ENV = "ADCLICK_TRINO_HEAP";
    public static final String DEFAULT_TRINO_HEAP = "2g";

    public static final String TRINO_JAVA_HOME_ENV = "ADCLICK_TRINO_JAVA_HOME";

    public static final String TRINO_START_TIMEOUT_ENV = "ADCLICK_TRINO_START_TIMEOUT_SECONDS";
    public static final Duration DEFAULT_TRINO_START_TIMEOUT = Duration.ofSeconds(180);

    public QueryConfig {
        StackConfig.port("router port (" + ROUTER_PORT_ENV + ")", routerPort);
        StackConfig.port("Trino port (" + TRINO_PORT_ENV + ")", trinoPort);
        if (routerPort == trinoPort) {
            throw new IllegalArgumentException("The router and Trino ports must differ: both are " + routerPort);
        }
        StackConfig.heap(ROUTER_HEAP_ENV, routerHeap);
        StackConfig.heap(TRINO_HEAP_ENV, trinoHeap);
        requireNonNull(trinoJavaHome, "trinoJavaHome is null");
        requireNonNull(trinoStartTimeout, "trinoStartTimeout is null");
        if (trinoStartTimeout.toSeconds() < 10) {
            throw new IllegalArgumentException("Invalid Trino start timeout: %d s (%s must be at least 10)"
                    .formatted(trinoStartTimeout.toSeconds(), TRINO_START_TIMEOUT_ENV));
        }
    }

    public static QueryConfig defaults() {
        return fromEnvironment(Map.of());
    }

    /** The defaults overridden by {@code ADCLICK_*} variables from {@code env}. */
    public static QueryConfig fromEnvironment(Map<String, String> env) {
        requireNonNull(env, "env is null");
        return new QueryConfig(
                StackConfig.get(env, ROUTER_PORT_ENV, Integer::parseInt, DEFAULT_ROUTER_PORT),
                StackConfig.get(env, TRINO_PORT_ENV, Integer::parseInt, DEFAULT_TRINO_PORT),
                StackConfig.get(env, ROUTER_HEAP_ENV, Function.identity(), DEFAULT_ROUTER_HEAP),
                StackConfig.get(env, TRINO_HEAP_ENV, Function.identity(), DEFAULT_TRINO_HEAP),
                StackConfig.get(env, TRINO_JAVA_HOME_ENV, s -> Optional.of(Path.of(s)), Optional.empty()),
                StackConfig.get(
                        env,
                        TRINO_START_TIMEOUT_ENV,
                        s -> Duration.ofSeconds(Long.parseLong(s)),
                        DEFAULT_TRINO_START_TIMEOUT));
    }

    /** {@code http://127.0.0.1:<router port>}. */
    public String routerUrl() {
        return "http://" + StackConfig.LOOPBACK + ":" + routerPort;
    }

    /** {@code http://127.0.0.1:<Trino port>}. */
    public String trinoUrl() {
        return "http://" + StackConfig.LOOPBACK + ":" + trinoPort;
    }
}
