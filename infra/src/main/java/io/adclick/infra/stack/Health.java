package io.adclick.infra.stack;

import static java.util.Objects.requireNonNull;

/**
 * The result of one health check.
 *
 * @param healthy whether the component can do its job now
 * @param detail a short human-readable explanation, e.g. {@code "HTTP 200"} or the error
 */
public record Health(boolean healthy, String detail) {
    public Health {
        requireNonNull(detail, "detail is null");
    }

    public static Health up(String detail) {
        return new Health(true, detail);
    }

    public static Health down(String detail) {
        return new Health(false, detail);
    }
}
