package io.adclick.schemas.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

class TestTruthTables {
    @Test
    void hourlyAndDailyBillingShareEveryColumnAndFieldIdAfterTheTimeBucket() {
        List<Types.NestedField> hourly = BillingHourlyTable.SCHEMA.columns();
        List<Types.NestedField> daily = BillingDailyTable.SCHEMA.columns();

        assertThat(hourly.get(0).name()).isEqualTo("hour");
        assertThat(daily.get(0).name()).isEqualTo("day");
        assertThat(hourly.subList(1, hourly.size())).isEqualTo(daily.subList(1, daily.size()));
        assertThat(hourly.subList(1, 7).stream().map(Types.NestedField::name))
                .containsExactlyElementsOf(BillingColumns.DIMENSIONS);
    }

    @Test
    void billingMeasuresAreExactLongs() {
        for (String measure : List.of("impressions", "clicks", "billable_clicks", "spend_micros", "unique_users")) {
            assertThat(BillingHourlyTable.SCHEMA.findType(measure)).isEqualTo(Types.LongType.get());
        }
    }

    @Test
    void eachTableIsPartitionedByItsTimeColumn() {
        assertPartitionedBy(BillingHourlyTable.PARTITION_SPEC, BillingHourlyTable.SCHEMA, "hour", "hour");
        assertPartitionedBy(BillingDailyTable.PARTITION_SPEC, BillingDailyTable.SCHEMA, "identity", "day");
        assertPartitionedBy(FraudDecisionsTable.PARTITION_SPEC, FraudDecisionsTable.SCHEMA, "hour", "event_time");
        assertPartitionedBy(ClickDecisionsTable.PARTITION_SPEC, ClickDecisionsTable.SCHEMA, "hour", "event_time");
        assertPartitionedBy(JobRunsTable.PARTITION_SPEC, JobRunsTable.SCHEMA, "month", "started_at");
    }

    @Test
    void truthTablesLiveInTheAdclickNamespace() {
        assertThat(List.of(
                                AdclickTables.BILLING_DAILY,
                                AdclickTables.FRAUD_DECISIONS,
                                AdclickTables.JOB_RUNS,
                                AdclickTables.CLICK_DECISIONS)
                        .stream()
                        .map(Object::toString))
                .containsExactly(
                        "adclick.billing_daily",
                        "adclick.fraud_decisions",
                        "adclick.job_runs",
                        "adclick.click_decisions");
    }

    private static void assertPartitionedBy(PartitionSpec spec, Schema schema, String transform, String column) {
        assertThat(spec.fields()).hasSize(1);
        assertThat(spec.fields().get(0).transform().toString()).isEqualTo(transform);
        assertThat(schema.findField(spec.fields().get(0).sourceId()).name()).isEqualTo(column);
    }
}
