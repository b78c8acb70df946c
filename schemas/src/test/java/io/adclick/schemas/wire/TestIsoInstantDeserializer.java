package io.adclick.schemas.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TestIsoInstantDeserializer {
    /** Jackson's own reading of instants, which the fast path must match. */
    static final ObjectMapper STOCK =
            JsonMapper.builder().addModule(new JavaTimeModule()).build();

    @Test
    void readsEveryInstantAsJacksonDoes() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        int[] precisions = {1, 1_000, 1_000_000, 1_000_000_000};
        for (int i = 0; i < 20_000; i++) {
            int precision = precisions[i % precisions.length];
            Instant instant = Instant.ofEpochSecond(
                    random.nextLong(min, max + 1), random.nextInt(1_000_000_000 / precision) * (long) precision);
            String json = '"' + instant.toString() + '"';

            assertThat(IsoInstantDeserializer.parseUtc(instant.toString())).isEqualTo(instant);
            assertThat(JsonWire.mapper().readValue(json, Instant.class))
                    .isEqualTo(STOCK.readValue(json, Instant.class))
                    .isEqualTo(instant);
        }
    }

    @Test
    void leavesOtherFormsToJackson() throws Exception {
        List<String> others = List.of(
                "2026-11-23T10:15:30+01:00",
                "2026-11-23T10:15:30.1234567890Z",
                "+12026-11-23T10:15:30Z",
                "2026-11-23t10:15:30Z",
                "2026-11-23T10:15:30.Z",
                "2026-11-23T10:15:30",
                "1700000000");
        for (String text : others) {
            assertThat(IsoInstantDeserializer.parseUtc(text)).as(text).isNull();
        }
        assertThat(JsonWire.mapper().readValue("\"2026-11-23T10:15:30+01:00\"", Instant.class))
                .isEqualTo(Instant.parse("2026-11-23T09:15:30Z"));
        assertThat(JsonWire.mapper().readValue("1700000000", Instant.class))
                .isEqualTo(STOCK.readValue("1700000000", Instant.class));
    }

    @Test
    void leavesOutOfRangeDatesAndTimesToJackson() {
        for (String text : List.of(
                "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T10:60:00Z")) {
            String json = '"' + text + '"';
            assertThat(IsoInstantDeserializer.parseUtc(text)).as(text).isNull();
            assertThat(outcome(JsonWire.mapper(), json)).as(text).isEqualTo(outcome(STOCK, json));
        }
    }

    /** The instant read, or the class of the exception. */
    private static Object outcome(ObjectMapper mapper, String json) {
        try {
            return mapper.readValue(json, Instant.class);
        } catch (Exception e) {
            return e.getClass();
        }
    }
}
