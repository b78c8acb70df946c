package io.adclick.edge.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.schemas.event.Device;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceClassesTest {
    @ParameterizedTest
    @CsvSource({
        "Phone, MOBILE",
        "Mobile, MOBILE",
        "Tablet, TABLET",
        "Desktop, DESKTOP",
        "TV, CTV",
        "Set-top box, CTV",
        "Game Console, CTV",
        "Robot, BOT",
        "Robot Mobile, BOT",
        "Robot Imitator, BOT",
        "Hacker, BOT",
        "Spy, BOT",
        "Watch, OTHER",
        "Unknown, OTHER",
        "Handheld Game Console, OTHER",
    })
    void mapsYauaaDeviceClasses(String deviceClass, Device expected) {
        assertThat(DeviceClasses.toDevice(deviceClass)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"'', OTHER"})
    void mapsMissingClassToOther(String deviceClass, Device expected) {
        assertThat(DeviceClasses.toDevice(deviceClass)).isEqualTo(expected);
        assertThat(DeviceClasses.toDevice(null)).isEqualTo(expected);
    }
}
