package io.adclick.batch.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which fraud rules run and their thresholds. A rule that is not enabled flags nothing.
 *
 * @param botDevice clicks from {@code device=bot} or a User-Agent matching a bot pattern
 * @param clickRatePerUser users clicking more than a limit within one UTC minute
 * @param fastClick clicks sooner after their impression than a human can
 * @param ipBurst one IP clicking ads of more than a limit of campaigns within one UTC minute
 */
public record FraudRulesConfig(
        BotDevice botDevice, ClickRatePerUser clickRatePerUser, FastClick fastClick, IpBurst ipBurst) {
    public FraudRulesConfig {
        requireNonNull(botDevice, "botDevice is null");
        requireNonNull(clickRatePerUser, "clickRatePerUser is null");
        requireNonNull(fastClick, "fastClick is null");
        requireNonNull(ipBurst, "ipBurst is null");
    }

    /**
     * @param userAgentPattern a Java regex found anywhere in the User-Agent marks a bot
     */
    public record BotDevice(boolean enabled, String userAgentPattern) {
        public BotDevice {
            requireNonNull(userAgentPattern, "userAgentPattern is null");
            try {
                Pattern.compile(userAgentPattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "Invalid %s: %s".formatted(BatchSettings.BOT_USER_AGENT_PATTERN.key(), e.getMessage()));
            }
        }
    }

    /**
     * @param maxClicksPerMinute a user with more distinct clicks than this in one minute has all of
     *     that minute's clicks flagged
     */
    public record ClickRatePerUser(boolean enabled, int maxClicksPerMinute) {
        public ClickRatePerUser {
            if (maxClicksPerMinute < 1) {
                throw new IllegalArgumentException("Invalid %s: %d (at least 1)"
                        .formatted(BatchSettings.MAX_CLICKS_PER_USER_MINUTE.key(), maxClicksPerMinute));
            }
        }
    }

    /**
     * @param minDelay a click less than this after its first impression (or before it) is flagged
     */
    public record FastClick(boolean enabled, Duration minDelay) {
        public FastClick {
            requireNonNull(minDelay, "minDelay is null");
            if (minDelay.isNegative() || minDelay.isZero()) {
                throw new IllegalArgumentException("Invalid %s: %d ms (at least 1)"
                        .formatted(BatchSettings.FAST_CLICK_MIN_MILLIS.key(), minDelay.toMillis()));
            }
        }
    }

    /**
     * @param maxCampaignsPerMinute an IP clicking ads of more campaigns than this in one minute has
     *     all of that minute's clicks flagged
     * @param trustedIpPrefixes addresses starting with one of these are our own proxies, not clients,
     *     and are never flagged
     */
    public record IpBurst(boolean enabled, int maxCampaignsPerMinute, List<String> trustedIpPrefixes) {
        public IpBurst {
            if (maxCampaignsPerMinute < 1) {
                throw new IllegalArgumentException("Invalid %s: %d (at least 1)"
                        .formatted(BatchSettings.MAX_CAMPAIGNS_PER_IP_MINUTE.key(), maxCampaignsPerMinute));
            }
            trustedIpPrefixes = List.copyOf(trustedIpPrefixes);
        }
    }
}
