package io.adclick.edge.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.schemas.event.Device;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real User-Agent strings through Yauaa. */
class DeviceClassifierTest {
    private static DeviceClassifier classifier;

    @BeforeAll
    static void buildAnalyzer() {
        classifier = new DeviceClassifier(100);
    }

    @Test
    void classifiesPhones() {
        assertThat(classifier.classify("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15"
                        + " (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"))
                .isEqualTo(Device.MOBILE);
    }

    @Test
    void classifiesTablets() {
        assertThat(classifier.classify("Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15"
                        + " (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1"))
                .isEqualTo(Device.TABLET);
    }

    @Test
    void classifiesDesktops() {
        assertThat(classifier.classify("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
                        + " (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"))
                .isEqualTo(Device.DESKTOP);
    }

    @Test
    void classifiesCrawlersAsBots() {
        assertThat(classifier.classify("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"))
                .isEqualTo(Device.BOT);
    }

    @Test
    void classifiesMissingUserAgentAsOther() {
        assertThat(classifier.classify(null)).isEqualTo(Device.OTHER);
        assertThat(classifier.classify(" ")).isEqualTo(Device.OTHER);
    }
}
