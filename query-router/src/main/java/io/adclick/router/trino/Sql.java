package io.adclick.router.trino;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A SQL statement and its bound parameters. Request values only ever travel as parameters; the
 * text is built from constants and from enums whose names are column names.
 */
public record Sql(String text, List<Object> parameters) {
    public Sql {
        requireNonNull(text, "text is null");
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
        long placeholders = text.chars().filter(c -> c == '?').count();
        if (placeholders != parameters.size()) {
            throw new IllegalArgumentException("Statement has %d placeholders but %d parameters: %s"
                    .formatted(placeholders, parameters.size(), text));
        }
        for (Object parameter : parameters) {
            if (!(parameter instanceof String || parameter instanceof Long || parameter instanceof Integer)) {
                throw new IllegalArgumentException("Unsupported parameter type: " + parameter);
            }
        }
    }

    /** {@code ?, ?, ?} for {@code n} values. */
    public static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /**
     * {@code FOR VERSION AS OF <id>}. The snapshot id is a {@code long} the router read from the
     * table's own history or from a stored invoice, never request text.
     */
    public static String versionAsOf(long snapshotId) {
        return "FOR VERSION AS OF " + snapshotId;
    }
}
