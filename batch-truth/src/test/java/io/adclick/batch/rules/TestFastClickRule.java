package io.adclick.batch.rules;

import static io.adclick.batch.RawEvents.click;
import static io.adclick.batch.rules.RuleInputs.clicks;
import static io.adclick.batch.rules.RuleInputs.flags;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestFastClickRule {
    private static final Instant SEEN = Instant.parse("2026-11-23T10:15:00Z");
    private final FastClickRule rule = new FastClickRule(Duration.ofMillis(300));

    @Test
    void flagsAClickSoonerThanTheMinimumAfterItsImpression() {
        assertThat(flags(rule, clicks(Map.of("i1", SEEN), click("quick", "i1", SEEN.plusMillis(120)))))
                .containsExactly(Map.entry("quick", "clicked 120.000 ms after its impression (minimum 300 ms)"));
    }

    @Test
    void flagsAClickBeforeItsImpression() {
        assertThat(flags(rule, clicks(Map.of("i1", SEEN), click("early", "i1", SEEN.minusSeconds(2)))))
                .containsOnlyKeys("early");
    }

    @Test
    void allowsAClickAtOrAfterTheMinimum() {
        assertThat(flags(
                        rule,
                        clicks(
                                Map.of("i1", SEEN, "i2", SEEN),
                                click("exact", "i1", SEEN.plusMillis(300)),
                                click("human", "i2", SEEN.plusSeconds(4)))))
                .isEmpty();
    }

    @Test
    void doesNotJudgeAClickWithoutRecordedImpression() {
        assertThat(flags(rule, clicks(click("orphan", "i9", SEEN)))).isEmpty();
    }
}
