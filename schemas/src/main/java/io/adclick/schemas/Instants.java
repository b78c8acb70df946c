package io.adclick.schemas;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Parses ISO-8601 UTC instants. The canonical form every adclick writer produces
 * ({@code 2026-11-23T10:15:30.123Z}) is read by a direct digit scan, several times faster than
 * {@link Instant#parse}, which still handles every other form and produces its errors.
 */
public final class Instants {
    private static final int[] NANO_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private Instants() {}

    /**
     * Parses {@code text} exactly as {@link Instant#parse} does.
     *
     * @throws java.time.format.DateTimeParseException when it is not an ISO-8601 instant
     */
    public static Instant parse(CharSequence text) {
        Instant fast = parseCanonical(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /**
     * The instant of the canonical form {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or null when
     * {@code s} is not of that form (the caller then decides: {@link #parse} hands it to
     * {@link Instant#parse}).
     */
    public static Instant parseCanonical(CharSequence s) {
        int length = s.length();
        if (length < 20
                || length > 30
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':'
                || s.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (s.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            int fraction = digits(s, 20, fractionDigits);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * NANO_SCALE[fractionDigits];
        }
        if (year < 0
                || month < 0
                || day < 0
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return null;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(CharSequence s, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
