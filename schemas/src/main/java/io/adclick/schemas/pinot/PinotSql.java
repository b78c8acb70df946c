package io.adclick.schemas.pinot;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A SQL template for Pinot's broker with {@code ?} placeholders bound to typed values, so that no
 * caller-supplied text is ever spliced into a statement: a string becomes a single-quoted literal
 * with its quotes doubled (the only escape Pinot's Calcite parser knows), a number its decimal
 * form, a collection a comma list of such literals (for {@code IN (?)}).
 */
public final class PinotSql {
    private PinotSql() {}

    /**
     * Binds {@code parameters} to the {@code ?} of {@code template} in order.
     *
     * @throws IllegalArgumentException when the counts differ, or a parameter is of a type that
     *     has no literal here (use {@link String}, {@link Long}, {@link Integer} or a non-empty
     *     {@link Collection} of those)
     */
    public static String bind(String template, Object... parameters) {
        requireNonNull(template, "template is null");
        List<Object> values = List.of(parameters);
        StringBuilder sql = new StringBuilder(template.length() + 32 * values.size());
        int next = 0;
        boolean inLiteral = false;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\'') {
                inLiteral = !inLiteral;
            }
            if (c == '?' && !inLiteral) {
                if (next >= values.size()) {
                    throw new IllegalArgumentException("The template has more ? than the %d parameters given: %s"
                            .formatted(values.size(), template));
                }
                sql.append(literal(values.get(next++)));
            } else {
                sql.append(c);
            }
        }
        if (next != values.size()) {
            throw new IllegalArgumentException(
                    "The template has %d ? for %d parameters: %s".formatted(next, values.size(), template));
        }
        return sql.toString();
    }

    /** The literal of one value (see {@link #bind}). */
    static String literal(Object value) {
        requireNonNull(value, "A bound parameter is null: use IS NULL in the template instead");
        if (value instanceof String text) {
            return "'" + text.replace("'", "''") + "'";
        }
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Collection<?> list) {
            if (list.isEmpty()) {
                throw new IllegalArgumentException("An empty list cannot be bound: IN () is not valid SQL");
            }
            return list.stream().map(PinotSql::literal).collect(Collectors.joining(", "));
        }
        throw new IllegalArgumentException("Cannot bind a %s: use String, Long, Integer or a Collection of those"
                .formatted(value.getClass().getName()));
    }
}
