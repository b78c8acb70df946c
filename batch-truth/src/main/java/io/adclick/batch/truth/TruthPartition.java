package io.adclick.batch.truth;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A unit of recompute: one UTC event hour ({@code 2026-11-23T10}) or one UTC event day ({@code
 * 2026-11-23}), the half-open range {@code [start, end)}.
 */
public record TruthPartition(Granularity granularity, Instant start) {
    private static final DateTimeFormatter HOUR_KEY = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH");

    /** The size of a partition. */
    public enum Granularity {
        HOUR(ChronoUnit.HOURS, "hourly"),
        DAY(ChronoUnit.DAYS, "daily");

        private final ChronoUnit unit;
        private final String jobName;

        Granularity(ChronoUnit unit, String jobName) {
            this.unit = unit;
            this.jobName = jobName;
        }

        /** The job that computes partitions of this size, as recorded in {@code job_runs}. */
        public String jobName() {
            return jobName;
        }
    }

    public TruthPartition {
        requireNonNull(granularity, "granularity is null");
        requireNonNull(start, "start is null");
        if (!start.truncatedTo(granularity.unit).equals(start)) {
            throw new IllegalArgumentException("Invalid %s partition start %s: not at the start of a UTC %s"
                    .formatted(granularity.jobName, start, granularity.unit));
        }
    }

    /** The hour partition {@code 2026-11-23T10} (also accepts {@code 2026-11-23T10:00} and {@code ...:00Z}). */
    public static TruthPartition hour(String text) {
        requireNonNull(text, "text is null");
        String value = text.strip();
        if (value.endsWith("Z")) {
            value = value.substring(0, value.length() - 1);
        }
        if (value.length() > 13) {
            value = value.replaceFirst(":00(:00)?$", "");
        }
        try {
            LocalDateTime hour = LocalDateTime.parse(value, HOUR_KEY);
            return new TruthPartition(Granularity.HOUR, hour.toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "Invalid hour \"%s\": use a UTC hour like 2026-11-23T10".formatted(text), e);
        }
    }

    /** The day partition {@code 2026-11-23}. */
    public static TruthPartition day(String text) {
        requireNonNull(text, "text is null");
        return day(parseDate(text, "day"));
    }

    /** The day partition of {@code date}. */
    public static TruthPartition day(LocalDate date) {
        return new TruthPartition(
                Granularity.DAY, date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * The days from {@code from} to {@code to}, both included, as given to {@code backfill --from
     * --to}.
     */
    public static List<TruthPartition> days(String from, String to) {
        LocalDate first = parseDate(from, "--from");
        LocalDate last = parseDate(to, "--to");
        if (first.isAfter(last)) {
            throw new IllegalArgumentException(
                    "--from %s is after --to %s: give the earlier day first".formatted(first, last));
        }
        List<TruthPartition> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day(day));
        }
        return days;
    }

    private static LocalDate parseDate(String text, String what) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "Invalid %s \"%s\": use a UTC day like 2026-11-23".formatted(what, text), e);
        }
    }

    /** The exclusive end of the partition. */
    public Instant end() {
        return start.plus(1, granularity.unit);
    }

    /** The key recorded in {@code job_runs}: {@code 2026-11-23T10} or {@code 2026-11-23}. */
    public String key() {
        LocalDateTime local = LocalDateTime.ofInstant(start, ZoneOffset.UTC);
        return granularity == Granularity.HOUR
                ? HOUR_KEY.format(local)
                : local.toLocalDate().toString();
    }

    /** Whether {@code instant} falls in {@code [start, end)}. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end());
    }

    @Override
    public String toString() {
        return key();
    }
}
