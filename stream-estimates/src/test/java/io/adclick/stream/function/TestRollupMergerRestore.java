package io.adclick.stream.function;

import static io.adclick.stream.function.TestRollupMerger.LATENESS;
import static io.adclick.stream.function.TestRollupMerger.MINUTE_END;
import static io.adclick.stream.function.TestRollupMerger.NOW;
import static io.adclick.stream.model.PartialRollups.partial;
import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.schemas.rollup.MinuteRollup;
import io.adclick.stream.model.PartialRollup;
import io.adclick.stream.model.PartialRollupSerializer;
import io.adclick.stream.serde.StringKeySerializer;
import io.adclick.stream.serde.StringKeyTypeInfo;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A merger restored from a checkpoint of the job before {@link PartialRollupSerializer} and
 * {@link StringKeySerializer}: its partials written by the POJO serializer, its keys by Flink's
 * {@code StringSerializer}.
 */
class TestRollupMergerRestore {
    static Stream<Arguments> backends() {
        return Stream.of(
                Arguments.of("hashmap", (Supplier<StateBackend>) HashMapStateBackend::new),
                Arguments.of("rocksdb", (Supplier<StateBackend>) EmbeddedRocksDBStateBackend::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void restoresPartialsThatThePojoSerializerWrote(String name, Supplier<StateBackend> backend) throws Exception {
        OperatorSubtaskState checkpoint;
        try (KeyedOneInputStreamOperatorTestHarness<String, PartialRollup, MinuteRollup> before =
                harness(new PojoLayoutMerger(), Types.STRING, backend.get())) {
            before.open();
            before.processElement(partial(0, 10, 2, 1, 300_000, List.of("u1", "u2")), MINUTE_END);
            checkpoint = before.snapshot(1, 1);
        }

        try (KeyedOneInputStreamOperatorTestHarness<String, PartialRollup, MinuteRollup> after = harness(
                new RollupMerger(LATENESS, 12, 2_000, 0, Clock.fixed(NOW, ZoneOffset.UTC)),
                StringKeyTypeInfo.INSTANCE,
                backend.get())) {
            after.initializeState(checkpoint);
            after.open();
            after.processElement(partial(1, 20, 3, 2, 500_000, List.of("u2", "u3")), MINUTE_END);
            after.processWatermark(MINUTE_END);

            assertThat(after.extractOutputValues()).singleElement().satisfies(rollup -> {
                assertThat(rollup.impressions()).isEqualTo(30);
                assertThat(rollup.clicks()).isEqualTo(5);
                assertThat(rollup.billableClicks()).isEqualTo(3);
                assertThat(rollup.spendMicros()).isEqualTo(800_000);
                assertThat(rollup.uniqueUsers()).isEqualTo(3);
            });
            // and the migrated state is written again, now by the new serializer
            after.snapshot(2, 2);
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, PartialRollup, MinuteRollup> harness(
            KeyedProcessFunction<String, PartialRollup, MinuteRollup> function,
            TypeInformation<String> keyType,
            StateBackend backend)
            throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, PartialRollup, MinuteRollup> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(function), PartialRollup::mergeKey, keyType);
        harness.setStateBackend(backend);
        return harness;
    }
}
