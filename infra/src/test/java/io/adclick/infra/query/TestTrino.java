package io.adclick.infra.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.infra.config.AdclickHome;
import io.adclick.infra.config.StackConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestTrino {
    private final StackConfig config = StackConfig.fromEnvironment(
            new AdclickHome(Path.of("/opt/adclick")), Map.of("ADCLICK_STATE_DIR", "/var/lib/adclick"));

    @Test
    void theCoordinatorBindsLoopbackOnItsPortAndRunsTasksItself() {
        Map<String, String> node = Trino.nodeProperties(config);
        assertThat(node)
                .containsEntry("node.bind-ip", "127.0.0.1")
                .containsEntry("node.internal-address", "127.0.0.1")
                .containsEntry("node.data-dir", "/var/lib/adclick/trino/data");
        Map<String, String> server = Trino.serverProperties(config, Path.of("/opt/trino"));
        assertThat(server)
                .containsEntry("coordinator", "true")
                .containsEntry("node-scheduler.include-coordinator", "true")
                .containsEntry("http-server.http.port", "8082")
                .containsEntry("discovery.uri", "http://127.0.0.1:8082")
                .containsEntry("plugin.dir", "/opt/trino/plugin")
                .containsEntry("catalog.config-dir", "/var/lib/adclick/trino/etc/catalog");
    }

    @Test
    void theIcebergCatalogIsTheStacksRestCatalogAndObjectStore() {
        assertThat(Trino.icebergCatalog(config.archive()))
                .containsEntry("connector.name", "iceberg")
                .containsEntry("iceberg.catalog.type", "rest")
                .containsEntry("iceberg.rest-catalog.uri", "http://127.0.0.1:8181")
                .containsEntry("fs.native-s3.enabled", "true")
                .containsEntry("s3.endpoint", "http://127.0.0.1:9000")
                .containsEntry("s3.path-style-access", "true")
                .containsEntry("s3.aws-access-key", "adclick")
                .containsEntry("s3.aws-secret-key", "adclick-dev-secret");
    }

    @Test
    void jvmOptionsAreTrinosWithNativeAccess() {
        assertThat(Trino.JVM_OPTIONS).contains("--enable-native-access=ALL-UNNAMED", "-XX:+UseG1GC");
    }

    @Test
    void defaultPortsAndHeaps() {
        assertThat(config.query().routerPort()).isEqualTo(8081);
        assertThat(config.query().trinoPort()).isEqualTo(8082);
        assertThat(config.query().trinoHeap()).isEqualTo("2g");
        assertThat(config.query().routerUrl()).isEqualTo("http://127.0.0.1:8081");
    }
}
