package io.adclick.schemas.pinot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestPinotSql {
    @Test
    void bindsStringsAsQuotedLiteralsWithTheirQuotesDoubled() {
        assertThat(PinotSql.bind("SELECT 1 FROM t WHERE a = ? AND b = ?", "c-1", "x' OR '1'='1"))
                .isEqualTo("SELECT 1 FROM t WHERE a = 'c-1' AND b = 'x'' OR ''1''=''1'");
    }

    @Test
    void bindsNumbersAndListsForIn() {
        assertThat(PinotSql.bind("WHERE c IN (?) AND m >= ? LIMIT ?", List.of("a", "b'"), 1_700_000_000_000L, 10))
                .isEqualTo("WHERE c IN ('a', 'b''') AND m >= 1700000000000 LIMIT 10");
    }

    @Test
    void leavesQuestionMarksInsideTheTemplatesOwnLiteralsAlone() {
        assertThat(PinotSql.bind("WHERE a = '?' AND b = ?", "x")).isEqualTo("WHERE a = '?' AND b = 'x'");
    }

    @Test
    void refusesMismatchedCountsAndTypesWithoutALiteral() {
        assertThatThrownBy(() -> PinotSql.bind("a = ? AND b = ?", "x")).hasMessageContaining("more ?");
        assertThatThrownBy(() -> PinotSql.bind("a = ?", "x", "y")).hasMessageContaining("1 ? for 2 parameters");
        assertThatThrownBy(() -> PinotSql.bind("a = ?", 1.5)).hasMessageContaining("Cannot bind a java.lang.Double");
        assertThatThrownBy(() -> PinotSql.bind("a IN (?)", List.of())).hasMessageContaining("empty list");
    }
}
