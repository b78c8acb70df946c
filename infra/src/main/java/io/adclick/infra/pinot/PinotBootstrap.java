package io.adclick.infra.pinot;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.config.PinotConfig;
import io.adclick.infra.config.StackConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bootstrap configuration of each Pinot service the launcher starts: every HTTP listener on
 * loopback, the instance ids by host name, data under {@code dir}. (Pinot 0.11 binds the server's
 * netty query port on the wildcard address whatever the configuration says.)
 */
final class PinotBootstrap {
    private PinotBootstrap() {}

    static Map<String, String> controller(PinotConfig pinot, Path dir) {
        requireNonNull(pinot, "pinot is null");
        Map<String, String> p = new LinkedHashMap<>();
        p.put("pinot.service.role", "CONTROLLER");
        p.put("controller.helix.cluster.name", PinotConfig.CLUSTER);
        p.put("controller.zk.str", pinot.zookeeperAddress());
        p.put("controller.host", StackConfig.LOOPBACK);
        // the access-protocol keys only: the legacy controller.port would also bind 0.0.0.0
        p.put("controller.access.protocols", "http");
        p.put("controller.access.protocols.http.host", StackConfig.LOOPBACK);
        p.put("controller.access.protocols.http.port", Integer.toString(pinot.controllerPort()));
        p.put("controller.vip.host", StackConfig.LOOPBACK);
        p.put("controller.vip.port", Integer.toString(pinot.controllerPort()));
        p.put("controller.data.dir", dir.resolve("controller").toString());
        p.put("pinot.set.instance.id.to.hostname", "true");
        return p;
    }

    static Map<String, String> broker(PinotConfig pinot) {
        requireNonNull(pinot, "pinot is null");
        Map<String, String> p = new LinkedHashMap<>();
        p.put("pinot.service.role", "BROKER");
        p.put("pinot.broker.hostname", StackConfig.LOOPBACK);
        p.put("pinot.broker.client.queryPort", Integer.toString(pinot.brokerPort()));
        p.put("pinot.broker.client.access.protocols", "http");
        p.put("pinot.broker.client.access.protocols.http.host", StackConfig.LOOPBACK);
        p.put("pinot.broker.client.access.protocols.http.port", Integer.toString(pinot.brokerPort()));
        p.put("pinot.set.instance.id.to.hostname", "true");
        return p;
    }

    static Map<String, String> server(PinotConfig pinot, Path dir) {
        requireNonNull(pinot, "pinot is null");
        Map<String, String> p = new LinkedHashMap<>();
        p.put("pinot.service.role", "SERVER");
        p.put("pinot.server.netty.host", StackConfig.LOOPBACK);
        p.put("pinot.server.netty.port", Integer.toString(pinot.serverPort()));
        p.put("pinot.server.adminapi.port", Integer.toString(pinot.serverAdminPort()));
        p.put("pinot.server.adminapi.access.protocols", "http");
        p.put("pinot.server.adminapi.access.protocols.http.host", StackConfig.LOOPBACK);
        p.put("pinot.server.adminapi.access.protocols.http.port", Integer.toString(pinot.serverAdminPort()));
        // on by default in 0.11, on the wildcard address and a fixed port (8090); the broker does not need it
        p.put("pinot.server.grpc.enable", "false");
        p.put("pinot.server.instance.dataDir", dir.resolve("server/data").toString());
        p.put(
                "pinot.server.instance.segmentTarDir",
                dir.resolve("server/segment-tar").toString());
        p.put("pinot.set.instance.id.to.hostname", "true");
        return p;
    }
}
