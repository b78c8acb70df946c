package io.adclick.batch.rules;

import static io.adclick.batch.RawEvents.click;
import static io.adclick.batch.rules.RuleInputs.clicks;
import static io.adclick.batch.rules.RuleInputs.flags;
import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.batch.config.BatchSettings;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TestBotDeviceRule {
    private static final Instant T = Instant.parse("2026-11-23T10:15:00Z");
    private final BotDeviceRule rule = new BotDeviceRule(BatchSettings.BOT_USER_AGENT_PATTERN.defaultValue());

    @Test
    void flagsClicksFromTheBotDeviceClass() {
        assertThat(flags(rule, clicks(click("c1", "i1", T).device("bot", "SomeAgent/1.0"))))
                .containsExactly(java.util.Map.entry("c1", "device=bot, user_agent=SomeAgent/1.0"));
    }

    @Test
    void flagsClicksWithABotUserAgentWhateverTheirDevice() {
        assertThat(flags(
                        rule,
                        clicks(
                                click("google", "i1", T)
                                        .device(
                                                "desktop",
                                                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"),
                                click("script", "i2", T).device("other", "python-requests/2.32.3"),
                                click("curl", "i3", T).device("other", "curl/8.5.0"))))
                .containsOnlyKeys("google", "script", "curl")
                .containsEntry("curl", "user_agent looks like a bot: curl/8.5.0");
    }

    @Test
    void leavesHumansAndClicksWithoutUserAgentAlone() {
        assertThat(flags(
                        rule,
                        clicks(
                                click("human", "i1", T),
                                click("no-agent", "i2", T).device("mobile", null),
                                click("robotics-fan", "i3", T)
                                        .device("desktop", "Mozilla/5.0 RobotVacuumApp Chrome/126"))))
                .isEmpty();
    }
}
