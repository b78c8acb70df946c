package io.adclick.edge.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.edge.config.RateLimitConfig;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SourceRateLimiterTest {
    private final ManualTime time = new ManualTime();

    @Test
    void admitsUpToTheBurstThenRefusesWithRetryAfter() {
        SourceRateLimiter limiter = limiter(10, 20);

        assertThat(limiter.tryAcquire("10.0.0.1", 20).allowed()).isTrue();
        RateLimitDecision refused = limiter.tryAcquire("10.0.0.1", 5);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void refillsAtTheConfiguredRate() {
        SourceRateLimiter limiter = limiter(10, 20);
        limiter.tryAcquire("10.0.0.1", 20);

        time.advance(Duration.ofSeconds(1));

        assertThat(limiter.tryAcquire("10.0.0.1", 10).allowed()).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1", 1).allowed()).isFalse();
    }

    @Test
    void countsEachSourceSeparately() {
        SourceRateLimiter limiter = limiter(10, 20);
        limiter.tryAcquire("key:a", 20);

        assertThat(limiter.tryAcquire("key:a", 1).allowed()).isFalse();
        assertThat(limiter.tryAcquire("key:b", 20).allowed()).isTrue();
    }

    @Test
    void refusesBatchesLargerThanTheBurst() {
        RateLimitDecision decision = limiter(10, 20).tryAcquire("10.0.0.1", 21);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("exceeds the per-source burst of 20");
    }

    @Test
    void admitsEverythingWhenDisabled() {
        SourceRateLimiter limiter =
                new SourceRateLimiter(new RateLimitConfig(false, 1, 1, 10, Duration.ofMinutes(1)), time);

        assertThat(limiter.tryAcquire("10.0.0.1", 1000).allowed()).isTrue();
    }

    private SourceRateLimiter limiter(long perSecond, long burst) {
        return new SourceRateLimiter(new RateLimitConfig(true, perSecond, burst, 100, Duration.ofMinutes(1)), time);
    }

    private static final class ManualTime implements TimeMeter {
        private long nanos = TimeUnit.SECONDS.toNanos(1000);

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
