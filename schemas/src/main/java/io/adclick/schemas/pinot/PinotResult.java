package io.adclick.schemas.pinot;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * The result table of one broker query.
 *
 * @param columns the column names, in order
 * @param rows each row's values, in column order
 * @param timeUsedMs the broker's own measure of the query
 */
public record PinotResult(List<String> columns, List<List<JsonNode>> rows, long timeUsedMs) {
    public PinotResult {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        rows = rows.stream().map(List::copyOf).toList();
    }

    /**
     * A whole number from a cell. Pinot 0.11 returns {@code SUM} and {@code MAX} as DOUBLE: exact
     * for whole numbers up to 2^53, which is refused beyond.
     */
    public static long wholeNumber(JsonNode cell) {
        requireNonNull(cell, "cell is null");
        if (!cell.isNumber()) {
            throw new PinotQueryException("Expected a number from Pinot, got " + cell);
        }
        BigDecimal value = cell.decimalValue();
        if (value.abs().compareTo(BigDecimal.valueOf(1L << 53)) > 0) {
            throw new PinotQueryException(
                    "A figure of %s is beyond the exact range of Pinot's DOUBLE sums".formatted(value.toPlainString()));
        }
        return value.longValueExact();
    }
}
