package io.adclick.infra.process;

import io.adclick.infra.config.StackConfig;
import io.adclick.infra.stack.StartupException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashSet;
import java.util.PrimitiveIterator;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Checks before starting that the stack's loopback ports are free. */
public final class PortCheck {
    private PortCheck() {}

    /** Whether nothing listens on {@code 127.0.0.1:port}. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(StackConfig.LOOPBACK))) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Fails naming the first port in use and the variable that moves it.
     *
     * @param portsAndVariables pairs of (port, environment variable)
     */
    public static void requireFree(Object... portsAndVariables) {
        for (int i = 0; i + 1 < portsAndVariables.length; i += 2) {
            int port = (Integer) portsAndVariables[i];
            if (!isFree(port)) {
                throw new StartupException(
                        "Port %s:%d is already in use: stop what listens there (./adclick status shows a running stack) or set %s"
                                .formatted(StackConfig.LOOPBACK, port, portsAndVariables[i + 1]));
            }
        }
    }

    private static final int TEST_PORTS_FROM = 20_000;
    private static final int TEST_PORTS_TO = 32_768;

    /**
     * Ports that were free a moment ago and differ from each other (for tests). They are drawn
     * from {@code [20000, 32768)}, below the kernel's ephemeral range, so that no outgoing
     * connection is given one of them between now and when a server binds it.
     */
    public static PrimitiveIterator.OfInt freePorts(int count) {
        Set<Integer> ports = new LinkedHashSet<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 100 * count && ports.size() < count; attempt++) {
            int port = random.nextInt(TEST_PORTS_FROM, TEST_PORTS_TO);
            if (!ports.contains(port) && isFree(port)) {
                ports.add(port);
            }
        }
        if (ports.size() < count) {
            throw new IllegalStateException(
                    "Cannot find %d free loopback ports in [%d, %d)".formatted(count, TEST_PORTS_FROM, TEST_PORTS_TO));
        }
        return ports.stream().mapToInt(Integer::intValue).iterator();
    }
}
