package io.adclick.stream.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.testutils.DeeplyEqualsChecker;
import org.junit.jupiter.api.Test;

/** Flink's contract tests for serializers, on open, emitted and closed rows. */
class TestMinuteRowSerializer extends SerializerTestBase<MinuteRow> {
    /** {@link MinuteRow} and {@link PartialRollup} have no {@code equals}: compare them field by field. */
    TestMinuteRowSerializer() {
        super(new DeeplyEqualsChecker()
                .withCustomCheck(
                        (a, b) -> a instanceof MinuteRow && b instanceof MinuteRow,
                        (a, b, checker) -> sameFields((MinuteRow) a, (MinuteRow) b)));
    }

    private static boolean sameFields(MinuteRow a, MinuteRow b) {
        return a.revision == b.revision
                && a.changed == b.changed
                && (a.isClosed()
                        ? b.isClosed()
                        : !b.isClosed() && TestPartialRollupSerializer.sameFields(a.totals, b.totals));
    }

    @Override
    protected TypeSerializer<MinuteRow> createSerializer() {
        return MinuteRowSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<MinuteRow> getTypeClass() {
        return MinuteRow.class;
    }

    @Override
    protected MinuteRow[] getTestData() {
        return new MinuteRow[] {opened(), emittedAndChanged(), closed()};
    }

    @Test
    void aClosedRowKeepsOnlyItsRevision() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);

        MinuteRowSerializer.INSTANCE.serialize(closed(), out);
        MinuteRow read = MinuteRowSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(out.length()).isEqualTo(1 + Long.BYTES);
        assertThat(read.isClosed()).isTrue();
        assertThat(read.revision).isEqualTo(7);
    }

    private static MinuteRow opened() {
        return MinuteRow.opened(PartialRollups.partial(10, 2, 1, 300_000, List.of("u1", "u2")));
    }

    private static MinuteRow emittedAndChanged() {
        MinuteRow row = MinuteRow.opened(PartialRollups.partial(0, 5, 5, Long.MAX_VALUE, List.of("ü")));
        row.revision = 3;
        row.changed = true;
        return row;
    }

    private static MinuteRow closed() {
        return MinuteRow.closed(7);
    }
}
