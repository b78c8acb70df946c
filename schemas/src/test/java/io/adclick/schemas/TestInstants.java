package io.adclick.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TestInstants {
    @Property(tries = 3000)
    void readsWhatInstantWrites(@ForAll("instants") Instant instant) {
        assertThat(Instants.parse(instant.toString())).isEqualTo(instant);
    }

    @Property(tries = 3000)
    void writesWhatInstantWrites(@ForAll("instants") Instant instant) {
        assertThat(Instants.format(instant)).isEqualTo(instant.toString());
    }

    @Test
    void writesWhatInstantWritesAtTheEdgesOfItsFastYears() {
        for (String text : new String[] {
            "0000-01-01T00:00:00Z",
            "-0001-12-31T23:59:59.999999999Z",
            "9999-12-31T23:59:59.999Z",
            "+10000-01-01T00:00:00Z",
            "1970-01-01T00:00:00.000001Z",
            "2026-11-23T10:15:30.100Z"
        }) {
            Instant instant = Instant.parse(text);
            assertThat(Instants.format(instant)).as(text).isEqualTo(instant.toString());
        }
    }

    @Property(tries = 3000)
    void agreesWithInstantParseOnMutatedText(
            @ForAll("instants") Instant instant,
            @ForAll("mutations") char replacement,
            @ForAll("positions") int position) {
        String text = instant.toString();
        StringBuilder mutated = new StringBuilder(text);
        mutated.setCharAt(position % text.length(), replacement);
        assertSameOutcome(mutated.toString());
    }

    @Test
    void agreesWithInstantParseOnEdgeCases() {
        for (String text : new String[] {
            "2026-11-23T10:15:30Z",
            "2026-11-23T10:15:30.1Z",
            "2026-11-23T10:15:30.123456789Z",
            "2026-11-23T10:15:30.1234567890Z",
            "2026-02-29T10:15:30Z",
            "2024-02-29T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-11-23T24:00:00Z",
            "2026-11-23T23:59:60Z",
            "2026-11-23T10:15:30.Z",
            "2026-11-23T10:15:30+01:00",
            "2026-11-23 10:15:30Z",
            "+12026-11-23T10:15:30Z",
            "2026-11-23t10:15:30z",
            ""
        }) {
            assertSameOutcome(text);
        }
    }

    @Test
    void errorsAreInstantParseErrors() {
        assertThatThrownBy(() -> Instants.parse("yesterday")).isInstanceOf(DateTimeParseException.class);
    }

    private static void assertSameOutcome(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> Instants.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(Instants.parse(text)).as(text).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(-62_000_000_000L, 250_000_000_000L);
        Arbitrary<Integer> nanos = Arbitraries.oneOf(
                Arbitraries.just(0),
                Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
                Arbitraries.integers().between(0, 999_999_999));
        return net.jqwik.api.Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Character> mutations() {
        return Arbitraries.of('0', '9', 'Z', 'T', '.', ':', '-', 'x', ' ', '+');
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 40);
    }
}
