package io.adclick.infra.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * How the stack runs the billing truth jobs ({@code batch-truth}, Spark in a child JVM) and when
 * {@code adclick up} schedules them. Every default is below, next to the environment variable that
 * overrides it.
 *
 * @param sparkHeap the heap of each Spark child JVM
 * @param schedulerEnabled whether {@code adclick up} schedules truth jobs at all
 * @param grace how long after its end an hour counts as closed and gets its hourly job
 * @param checkInterval how often the scheduler looks for due hours
 * @param windowHours how many closed hours back the scheduler looks
 * @param dailyInterval how often the previous UTC day is recomputed (late data), counted from start
 * @param maintainInterval how often compaction, retention and snapshot expiry run, counted from start
 * @param runTimeout how long one scheduled run may take before it is killed
 */
public record TruthConfig(
        String sparkHeap,
        boolean schedulerEnabled,
        Duration grace,
        Duration checkInterval,
        int windowHours,
        Duration dailyInterval,
        Duration maintainInterval,
        Duration runTimeout) {

    public static final String SPARK_HEAP_ENV = "ADCLICK_TRUTH_SPARK_HEAP";
    public static final String DEFAULT_SPARK_HEAP = "2g";

    public static final String SCHEDULER_ENABLED_ENV = "ADCLICK_TRUTH_SCHEDULER";
    public static final boolean DEFAULT_SCHEDULER_ENABLED = true;

    public static final String GRACE_ENV = "ADCLICK_TRUTH_GRACE_SECONDS";
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(2);

    public static final String CHECK_INTERVAL_ENV = "ADCLICK_TRUTH_CHECK_INTERVAL_SECONDS";
    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofMinutes(1);

    public static final String WINDOW_HOURS_ENV = "ADCLICK_TRUTH_WINDOW_HOURS";
    public static final int DEFAULT_WINDOW_HOURS = 24;

    public static final String DAILY_INTERVAL_ENV = "ADCLICK_TRUTH_DAILY_INTERVAL_MINUTES";
    public static final Duration DEFAULT_DAILY_INTERVAL = Duration.ofHours(6);

    public static final String MAINTAIN_INTERVAL_ENV = "ADCLICK_TRUTH_MAINTAIN_INTERVAL_MINUTES";
    public static final Duration DEFAULT_MAINTAIN_INTERVAL = Duration.ofHours(6);

    public static final String RUN_TIMEOUT_ENV = "ADCLICK_TRUTH_RUN_TIMEOUT_MINUTES";
    public static final Duration DEFAULT_RUN_TIMEOUT = Duration.ofMinutes(30);

    public TruthConfig {
        StackConfig.heap(SPARK_HEAP_ENV, sparkHeap);
        atLeast(GRACE_ENV, grace, Duration.ZERO);
        atLeast(CHECK_INTERVAL_ENV, checkInterval, Duration.ofSeconds(5));
        if (windowHours < 1 || windowHours > 24 * 31) {
            throw new IllegalArgumentException(
                    "Invalid %s=%d: use 1-744 hours".formatted(WINDOW_HOURS_ENV, windowHours));
        }
        atLeast(DAILY_INTERVAL_ENV, dailyInterval, Duration.ofMinutes(1));
        atLeast(MAINTAIN_INTERVAL_ENV, maintainInterval, Duration.ofMinutes(1));
        atLeast(RUN_TIMEOUT_ENV, runTimeout, Duration.ofMinutes(1));
    }

    /** The defaults overridden by {@code ADCLICK_TRUTH_*} variables from {@code env}. */
    public static TruthConfig fromEnvironment(Map<String, String> env) {
        requireNonNull(env, "env is null");
        return new TruthConfig(
                StackConfig.get(env, SPARK_HEAP_ENV, Function.identity(), DEFAULT_SPARK_HEAP),
                StackConfig.get(env, SCHEDULER_ENABLED_ENV, TruthConfig::parseSwitch, DEFAULT_SCHEDULER_ENABLED),
                StackConfig.get(env, GRACE_ENV, TruthConfig::seconds, DEFAULT_GRACE),
                StackConfig.get(env, CHECK_INTERVAL_ENV, TruthConfig::seconds, DEFAULT_CHECK_INTERVAL),
                StackConfig.get(env, WINDOW_HOURS_ENV, Integer::parseInt, DEFAULT_WINDOW_HOURS),
                StackConfig.get(env, DAILY_INTERVAL_ENV, TruthConfig::minutes, DEFAULT_DAILY_INTERVAL),
                StackConfig.get(env, MAINTAIN_INTERVAL_ENV, TruthConfig::minutes, DEFAULT_MAINTAIN_INTERVAL),
                StackConfig.get(env, RUN_TIMEOUT_ENV, TruthConfig::minutes, DEFAULT_RUN_TIMEOUT));
    }

    /** The defaults alone. */
    public static TruthConfig defaults() {
        return fromEnvironment(Map.of());
    }

    private static Duration seconds(String value) {
        return Duration.ofSeconds(Long.parseLong(value));
    }

    private static Duration minutes(String value) {
        return Duration.ofMinutes(Long.parseLong(value));
    }

    private static boolean parseSwitch(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException("use on or off");
        };
    }

    private static void atLeast(String key, Duration value, Duration minimum) {
        requireNonNull(value, key + " is null");
        if (value.compareTo(minimum) < 0) {
            throw new IllegalArgumentException(
                    "Invalid %s: %d s (must be at least %d s)".formatted(key, value.toSeconds(), minimum.toSeconds()));
        }
    }
}
