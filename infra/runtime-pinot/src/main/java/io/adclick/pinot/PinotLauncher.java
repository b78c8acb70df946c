package io.adclick.pinot;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.pinot.tools.admin.PinotAdministrator;
import org.apache.zookeeper.server.ServerConfig;
import org.apache.zookeeper.server.ZooKeeperServerMain;
import org.apache.zookeeper.server.quorum.QuorumPeerConfig;

/**
 * The embedded Apache Pinot: a standalone ZooKeeper bound to loopback, then controller, broker and
 * server in this JVM through Pinot's {@code StartServiceManager}, each from a bootstrap
 * configuration file the stack launcher writes (they bind loopback too). The services keep the JVM
 * alive; SIGTERM stops it.
 *
 * <p>Usage: {@code PinotLauncher <zk-port> <zk-data-dir> <cluster> <controller.conf> <broker.conf>
 * <server.conf>}
 */
public final class PinotLauncher {
    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration ZOOKEEPER_START = Duration.ofSeconds(60);

    private PinotLauncher() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("Usage: PinotLauncher <zk-port> <zk-data-dir> <cluster> <controller.conf>"
                    + " <broker.conf> <server.conf>");
            System.exit(2);
        }
        int zkPort = Integer.parseInt(args[0]);
        Path zkDir = Path.of(args[1]);
        String cluster = requireNonNull(args[2], "cluster is null");
        List<Path> confs = List.of(Path.of(args[3]), Path.of(args[4]), Path.of(args[5]));
        for (Path conf : confs) {
            if (!Files.isRegularFile(conf)) {
                throw new IllegalArgumentException("Missing Pinot bootstrap configuration " + conf);
            }
        }
        startZooKeeper(zkPort, zkDir);
        awaitListening(zkPort, ZOOKEEPER_START);
        System.out.printf("ZooKeeper listens on %s:%d (data in %s)%n", LOOPBACK, zkPort, zkDir);

        List<String> administratorArgs = new ArrayList<>(List.of(
                "StartServiceManager",
                "-zkAddress",
                LOOPBACK + ":" + zkPort,
                "-clusterName",
                cluster,
                "-port",
                "-1",
                "-bootstrapConfigPaths"));
        confs.forEach(conf -> administratorArgs.add(conf.toString()));
        PinotAdministrator.main(administratorArgs.toArray(String[]::new));
    }

    private static void startZooKeeper(int port, Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        Properties properties = new Properties();
        properties.setProperty("dataDir", dataDir.toAbsolutePath().toString());
        properties.setProperty("clientPort", Integer.toString(port));
        properties.setProperty("clientPortAddress", LOOPBACK);
        properties.setProperty("tickTime", "2000");
        properties.setProperty("maxClientCnxns", "0");
        properties.setProperty("admin.enableServer", "false");
        properties.setProperty("autopurge.snapRetainCount", "3");
        properties.setProperty("autopurge.purgeInterval", "1");
        QuorumPeerConfig quorumConfig = new QuorumPeerConfig();
        quorumConfig.parseProperties(properties);
        ServerConfig serverConfig = new ServerConfig();
        serverConfig.readFrom(quorumConfig);
        Thread zookeeper = new Thread(
                () -> {
                    try {
                        new ZooKeeperServerMain().runFromConfig(serverConfig);
                    } catch (Exception e) {
                        System.err.println("ZooKeeper failed: " + e);
                        e.printStackTrace();
                        System.exit(1);
                    }
                },
                "zookeeper");
        zookeeper.setDaemon(false);
        zookeeper.start();
    }

    private static void awaitListening(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(LOOPBACK, port), 500);
                return;
            } catch (java.io.IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException(
                "ZooKeeper did not listen on %s:%d within %d s".formatted(LOOPBACK, port, timeout.toSeconds()));
    }
}
