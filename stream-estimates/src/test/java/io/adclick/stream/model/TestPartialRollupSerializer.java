package io.adclick.stream.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.testutils.DeeplyEqualsChecker;
import org.junit.jupiter.api.Test;

/** Flink's contract tests for serializers. */
class TestPartialRollupSerializer extends SerializerTestBase<PartialRollup> {
    @Override
    protected TypeSerializer<PartialRollup> createSerializer() {
        return PartialRollupSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<PartialRollup> getTypeClass() {
        return PartialRollup.class;
    }

    @Override
    protected PartialRollup[] getTestData() {
        return new PartialRollup[] {
            PartialRollups.partial(10, 2, 1, 300_000, List.of("u1", "u2")),
            PartialRollups.partial(0, 5, 5, Long.MAX_VALUE, List.of("ü", "u3")),
            PartialRollups.partial(0, 0, 0, 0, List.of())
        };
    }

    /** {@link PartialRollup} has no {@code equals}: compare it field by field. */
    TestPartialRollupSerializer() {
        super(new DeeplyEqualsChecker()
                .withCustomCheck(
                        (a, b) -> a instanceof PartialRollup && b instanceof PartialRollup,
                        (a, b, checker) -> sameFields((PartialRollup) a, (PartialRollup) b)));
    }

    static boolean sameFields(PartialRollup a, PartialRollup b) {
        return Objects.equals(a.campaignId, b.campaignId)
                && Objects.equals(a.adId, b.adId)
                && Objects.equals(a.publisherId, b.publisherId)
                && Objects.equals(a.country, b.country)
                && Objects.equals(a.device, b.device)
                && Objects.equals(a.advertiserId, b.advertiserId)
                && a.minute == b.minute
                && a.impressions == b.impressions
                && a.clicks == b.clicks
                && a.billableClicks == b.billableClicks
                && a.spendMicros == b.spendMicros
                && Arrays.equals(a.usersSketch, b.usersSketch);
    }

    @Test
    void flinkUsesThisSerializerForPartialRollups() {
        assertThat(TypeInformation.of(PartialRollup.class).createSerializer(new SerializerConfigImpl()))
                .isSameAs(PartialRollupSerializer.INSTANCE);
    }

    @Test
    void aRoundTripKeepsEveryField() throws Exception {
        PartialRollup partial = PartialRollups.partial(7, 3, 2, 150_000, List.of("u1"));
        DataOutputSerializer out = new DataOutputSerializer(256);

        PartialRollupSerializer.INSTANCE.serialize(partial, out);
        PartialRollup read =
                PartialRollupSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(read).usingRecursiveComparison().isEqualTo(partial);
    }
}
