package io.adclick.batch.rules;

import static io.adclick.batch.RawEvents.click;
import static io.adclick.batch.rules.RuleInputs.clicks;
import static io.adclick.batch.rules.RuleInputs.flags;
import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.batch.RawEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestClickRatePerUserRule {
    private static final Instant MINUTE = Instant.parse("2026-11-23T10:15:00Z");
    private final ClickRatePerUserRule rule = new ClickRatePerUserRule(3);

    @Test
    void flagsEveryClickOfAUserAboveTheLimitInOneMinute() {
        List<RawEvents.Event> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            events.add(click("fast-" + i, "i" + i, MINUTE.plusSeconds(10L * i)).user("clicker"));
        }
        assertThat(flags(rule, clicks(events.toArray(RawEvents.Event[]::new))))
                .containsOnlyKeys("fast-0", "fast-1", "fast-2", "fast-3")
                .containsEntry("fast-0", "user clicker made 4 clicks in the minute from 2026-11-23T10:15Z (limit 3)");
    }

    @Test
    void allowsTheLimitItself() {
        assertThat(flags(
                        rule,
                        clicks(
                                click("a", "i1", MINUTE).user("u"),
                                click("b", "i2", MINUTE.plusSeconds(20)).user("u"),
                                click("c", "i3", MINUTE.plusSeconds(59)).user("u"))))
                .isEmpty();
    }

    @Test
    void countsEachCalendarMinuteAndEachUserSeparately() {
        assertThat(flags(
                        rule,
                        clicks(
                                click("a", "i1", MINUTE.plusSeconds(57)).user("u"),
                                click("b", "i2", MINUTE.plusSeconds(58)).user("u"),
                                click("c", "i3", MINUTE.plusSeconds(61)).user("u"),
                                click("d", "i4", MINUTE.plusSeconds(62)).user("u"),
                                click("e", "i5", MINUTE.plusSeconds(58)).user("other"))))
                .isEmpty();
    }

    @Test
    void doesNotJudgeClicksWithoutAUser() {
        assertThat(flags(
                        rule,
                        clicks(
                                click("a", "i1", MINUTE).user(null),
                                click("b", "i2", MINUTE).user(null),
                                click("c", "i3", MINUTE).user(null),
                                click("d", "i4", MINUTE).user(null))))
                .isEmpty();
    }
}
