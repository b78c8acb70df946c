package io.adclick.batch.rules;

import static io.adclick.batch.RawEvents.click;
import static io.adclick.batch.rules.RuleInputs.clicks;
import static io.adclick.batch.rules.RuleInputs.flags;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestIpBurstRule {
    private static final Instant MINUTE = Instant.parse("2026-11-23T10:15:00Z");
    private final IpBurstRule rule = new IpBurstRule(2, List.of("127.", "10.0."));

    @Test
    void flagsEveryClickOfAnIpAcrossMoreCampaignsThanTheLimitInOneMinute() {
        assertThat(flags(
                        rule,
                        clicks(
                                click("a", "i1", MINUTE).ip("198.51.100.9").campaign("c1"),
                                click("b", "i2", MINUTE.plusSeconds(5))
                                        .ip("198.51.100.9")
                                        .campaign("c2"),
                                click("c", "i3", MINUTE.plusSeconds(9))
                                        .ip("198.51.100.9")
                                        .campaign("c3"),
                                click("d", "i4", MINUTE.plusSeconds(9))
                                        .ip("198.51.100.9")
                                        .campaign("c3"))))
                .containsOnlyKeys("a", "b", "c", "d")
                .containsEntry(
                        "a",
                        "ip 198.51.100.9 clicked ads of 3 campaigns in the minute from 2026-11-23T10:15Z (limit 2)");
    }

    @Test
    void manyClicksOnFewCampaignsAreNoBurst() {
        assertThat(flags(
                        rule,
                        clicks(
                                click("a", "i1", MINUTE).ip("198.51.100.9").campaign("c1"),
                                click("b", "i2", MINUTE).ip("198.51.100.9").campaign("c1"),
                                click("c", "i3", MINUTE).ip("198.51.100.9").campaign("c2"),
                                click("d", "i4", MINUTE.plusSeconds(60))
                                        .ip("198.51.100.9")
                                        .campaign("c3"))))
                .isEmpty();
    }

    @Test
    void neverJudgesTrustedProxiesOrClicksWithoutIp() {
        assertThat(flags(
                        rule,
                        clicks(
                                click("a", "i1", MINUTE).ip("127.0.0.1").campaign("c1"),
                                click("b", "i2", MINUTE).ip("127.0.0.1").campaign("c2"),
                                click("c", "i3", MINUTE).ip("127.0.0.1").campaign("c3"),
                                click("d", "i4", MINUTE).ip(null).campaign("c1"),
                                click("e", "i5", MINUTE).ip(null).campaign("c2"),
                                click("f", "i6", MINUTE).ip(null).campaign("c3"))))
                .isEmpty();
    }
}
