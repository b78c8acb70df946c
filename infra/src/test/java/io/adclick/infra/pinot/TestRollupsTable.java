package io.adclick.infra.pinot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import org.junit.jupiter.api.Test;

class TestRollupsTable {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theTableUpsertsOnTheRollupKeyKeepingTheHighestRevisionOfCommittedRecords() throws Exception {
        JsonNode table =
                JSON.readTree(new RollupsTable(URI.create("http://127.0.0.1:9100"), "127.0.0.1:19092").tableJson());
        JsonNode schema = JSON.readTree(RollupsTable.schemaJson());

        assertThat(table.path("tableName").asText()).isEqualTo("rollups_minute");
        assertThat(table.path("upsertConfig").path("mode").asText()).isEqualTo("FULL");
        assertThat(table.path("upsertConfig").path("comparisonColumn").asText()).isEqualTo("revision");
        assertThat(table.path("routing").path("instanceSelectorType").asText()).isEqualTo("strictReplicaGroup");
        assertThat(schema.path("primaryKeyColumns").toString()).isEqualTo("[\"rollup_key\"]");
        JsonNode stream = table.path("tableIndexConfig").path("streamConfigs");
        assertThat(stream.path("stream.kafka.topic.name").asText()).isEqualTo("rollups.minute");
        assertThat(stream.path("stream.kafka.broker.list").asText()).isEqualTo("127.0.0.1:19092");
        assertThat(stream.path("stream.kafka.isolation.level").asText()).isEqualTo("read_committed");
        assertThat(table.path("segmentsConfig").path("timeColumnName").asText()).isEqualTo("minute_millis");
    }
}
