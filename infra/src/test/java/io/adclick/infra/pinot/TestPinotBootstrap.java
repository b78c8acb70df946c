package io.adclick.infra.pinot;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.infra.config.PinotConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestPinotBootstrap {
    private static final PinotConfig PINOT = PinotConfig.defaults();
    private static final Path DIR = Path.of("/state/pinot");

    @Test
    void everyListenerPinotLetsUsBindIsOnLoopback() {
        assertThat(PinotBootstrap.controller(PINOT, DIR))
                .containsEntry("controller.access.protocols.http.host", "127.0.0.1")
                .containsEntry("controller.access.protocols.http.port", "9100")
                .containsEntry("controller.zk.str", "127.0.0.1:2191")
                .doesNotContainKey("controller.port");
        assertThat(PinotBootstrap.broker(PINOT))
                .containsEntry("pinot.broker.client.access.protocols.http.host", "127.0.0.1")
                .containsEntry("pinot.broker.client.access.protocols.http.port", "8099");
        assertThat(PinotBootstrap.server(PINOT, DIR))
                .containsEntry("pinot.server.adminapi.access.protocols.http.host", "127.0.0.1")
                .containsEntry("pinot.server.netty.port", "9101")
                .containsEntry("pinot.server.grpc.enable", "false");
    }

    @Test
    void eachFileNamesItsRoleAndKeepsDataUnderTheStateDirectory() {
        Map<String, String> server = PinotBootstrap.server(PINOT, DIR);
        assertThat(server).containsEntry("pinot.service.role", "SERVER");
        assertThat(server.get("pinot.server.instance.dataDir")).startsWith("/state/pinot/");
        assertThat(PinotBootstrap.controller(PINOT, DIR))
                .containsEntry("pinot.service.role", "CONTROLLER")
                .containsEntry("controller.data.dir", "/state/pinot/controller");
        assertThat(PinotBootstrap.broker(PINOT)).containsEntry("pinot.service.role", "BROKER");
    }
}
