package io.adclick.infra.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;

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

    /**
     * Ports that were free a moment ago and differ from each other (for tests). All are held open
     * together while they are chosen, so the system cannot hand out one of them twice.
     */
    public static PrimitiveIterator.OfInt freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getByName(StackConfig.LOOPBACK)));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).iterator();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot find %d free loopback ports".formatted(count), e);
        } finally {
            sockets.forEach(PortCheck::closeQuietly);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // the port was only reserved for a moment; nothing to release
        }
    }
}
