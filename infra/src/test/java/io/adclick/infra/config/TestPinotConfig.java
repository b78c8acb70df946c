package io.adclick.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestPinotConfig {
    @Test
    void defaultsStayClearOfTheOtherComponentsPorts() {
        assertThat(PinotConfig.defaults()).isEqualTo(new PinotConfig(2191, 9100, 8099, 9101, 9102, "1280m"));
        assertThat(StackConfig.defaults(new AdclickHome(Path.of("/opt/adclick")))
                        .pinot())
                .isEqualTo(PinotConfig.defaults());
    }

    @Test
    void everyEnvironmentVariableOverridesItsDefault() {
        PinotConfig config = PinotConfig.fromEnvironment(Map.of(
                "ADCLICK_PINOT_ZOOKEEPER_PORT", "12181",
                "ADCLICK_PINOT_CONTROLLER_PORT", "19000",
                "ADCLICK_PINOT_BROKER_PORT", "18099",
                "ADCLICK_PINOT_SERVER_PORT", "18098",
                "ADCLICK_PINOT_SERVER_ADMIN_PORT", "18097",
                "ADCLICK_PINOT_HEAP", "2g"));

        assertThat(config).isEqualTo(new PinotConfig(12181, 19000, 18099, 18098, 18097, "2g"));
        assertThat(config.brokerUrl()).isEqualTo("http://127.0.0.1:18099");
        assertThat(config.controllerUrl()).isEqualTo("http://127.0.0.1:19000");
        assertThat(config.zookeeperAddress()).isEqualTo("127.0.0.1:12181");
    }

    @Test
    void aBadValueNamesItsVariable() {
        assertThatThrownBy(() -> PinotConfig.fromEnvironment(Map.of("ADCLICK_PINOT_HEAP", "big")))
                .hasMessageContaining("ADCLICK_PINOT_HEAP=\"big\"");
        assertThatThrownBy(() -> PinotConfig.fromEnvironment(Map.of("ADCLICK_PINOT_BROKER_PORT", "9100")))
                .hasMessageContaining("Pinot's ports must differ");
    }
}
