package io.adclick.schemas.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.adclick.schemas.event.RawEvent;
import java.util.Arrays;
import java.util.List;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

class TestRawEventsTable {
    @Test
    void hasOneColumnPerRawEventFieldWithTheWireName() {
        List<String> wireFields = Arrays.stream(RawEvent.class.getRecordComponents())
                .map(c -> c.getAccessor().getAnnotation(JsonProperty.class).value())
                .toList();

        assertThat(RawEventsTable.SCHEMA.columns().stream().map(Types.NestedField::name))
                .containsExactlyElementsOf(wireFields);
    }

    @Test
    void isPartitionedByEventHour() {
        assertThat(RawEventsTable.PARTITION_SPEC.fields()).hasSize(1);
        assertThat(RawEventsTable.PARTITION_SPEC.fields().get(0).transform().toString())
                .isEqualTo("hour");
        assertThat(RawEventsTable.SCHEMA
                        .findField(RawEventsTable.PARTITION_SPEC.fields().get(0).sourceId())
                        .name())
                .isEqualTo("event_time");
    }

    @Test
    void tablesLiveInTheAdclickNamespace() {
        assertThat(AdclickTables.RAW_EVENTS.toString()).isEqualTo("adclick.raw_events");
        assertThat(AdclickTables.BILLING_HOURLY.toString()).isEqualTo("adclick.billing_hourly");
    }
}
