package io.adclick.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.stream.config.JobSettings;
import io.adclick.stream.model.HashedIdSerializer;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.api.java.typeutils.runtime.kryo.KryoSerializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

class TestStreamEstimatesJob {
    @Test
    void theJobGraphNeedsNoKryoAndNamesEveryStatefulStep() {
        Collection<StreamNode> nodes = wiredJobNodes();

        assertThat(nodes)
                .extracting(StreamNode::getTransformationUID)
                .contains(
                        "events-raw-source",
                        "route-late-events",
                        EstimatesPipeline.DEDUP_UID,
                        EstimatesPipeline.FIRST_CLICK_UID,
                        "pre-aggregate-minutes",
                        EstimatesPipeline.AGGREGATE_UID);
        assertThat(nodes).allSatisfy(node -> assertThat(node.getTypeSerializersIn())
                .doesNotHaveAnyElementsOfTypes(KryoSerializer.class));
    }

    @Test
    void theIdStepsAreKeyedByHashedIdsNotStrings() {
        assertThat(wiredJobNodes())
                .filteredOn(node -> List.of(EstimatesPipeline.DEDUP_UID, EstimatesPipeline.FIRST_CLICK_UID)
                        .contains(node.getTransformationUID()))
                .hasSize(2)
                .allSatisfy(node -> assertThat(node.getStateKeySerializer()).isSameAs(HashedIdSerializer.INSTANCE));
    }

    @Test
    void theRollupStepIsKeyedByMinuteBucketsNotRollupKeys() {
        assertThat(wiredJobNodes())
                .filteredOn(node -> EstimatesPipeline.AGGREGATE_UID.equals(node.getTransformationUID()))
                .hasSize(1)
                .allSatisfy(node -> assertThat(node.getStateKeySerializer()).isInstanceOf(LongSerializer.class));
    }

    private static Collection<StreamNode> wiredJobNodes() {
        JobSettings settings = JobSettings.defaults();
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(settings.flinkConfiguration(Optional.empty()));
        StreamEstimatesJob.wire(env, settings, Clock.systemUTC());
        return env.getStreamGraph().getStreamNodes();
    }
}
