package io.adclick.edge.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.edge.log.DiskSpool;
import io.adclick.schemas.wire.JsonWire;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** With Kafka down and a tiny spool, the edge refuses events it cannot keep, and says so. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpoolFullHttpTest implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;

    @Inject
    DiskSpool spool;

    @Override
    public Map<String, String> getProperties() {
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return Map.of(
                    "adclick.edge.kafka.bootstrap-servers",
                    "127.0.0.1:" + closed.getLocalPort(),
                    "adclick.edge.spool.dir",
                    Files.createTempDirectory("edge-spool-full").toString(),
                    "adclick.edge.spool.max-bytes",
                    "4096",
                    "adclick.edge.spool.full-retry-after",
                    "7s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void refusesWith503AndRetryAfterOnceTheSpoolIsFullAndHealthTurnsDown() throws IOException {
        EdgeClient client = new EdgeClient(server.getURI());
        assertThat(client.get("/health").statusCode()).isEqualTo(200);

        HttpResponse<String> response = null;
        int accepted = 0;
        for (int i = 0; i < 50; i++) {
            response = client.get("/i/" + TestTokens.fresh("imp-full-" + i));
            if (response.statusCode() != 204) {
                break;
            }
            accepted++;
        }

        assertThat(accepted).isPositive();
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(JsonWire.mapper().readTree(response.body()).path("code").asText())
                .isEqualTo("spool_full");
        assertThat(spool.depthRecords()).isEqualTo(accepted);

        HttpResponse<String> health = client.get("/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(JsonWire.mapper().readTree(health.body()).path("status").asText())
                .isEqualTo("DOWN");
    }
}
