package io.adclick.schemas.pinot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestPinotBroker {
    private static final String SQL = "SELECT COUNT(*) FROM rollups_minute";

    @Test
    void readsTheResultTable() {
        PinotResult result = PinotBroker.parse(
                SQL,
                """
                {"resultTable":{"dataSchema":{"columnNames":["count(*)","sum(clicks)"],
                 "columnDataTypes":["LONG","DOUBLE"]},"rows":[[42,1234.0]]},
                 "exceptions":[],"numServersQueried":1,"numServersResponded":1,"timeUsedMs":7}
                """);

        assertThat(result.columns()).containsExactly("count(*)", "sum(clicks)");
        assertThat(PinotResult.wholeNumber(result.rows().get(0).get(1))).isEqualTo(1234);
        assertThat(result.timeUsedMs()).isEqualTo(7);
    }

    @Test
    void anAnswerFromFewerServersThanQueriedIsAnErrorNotAPartialSum() {
        assertThatThrownBy(
                        () -> PinotBroker.parse(
                                SQL,
                                """
                        {"resultTable":{"dataSchema":{"columnNames":["c"],"columnDataTypes":["LONG"]},"rows":[[1]]},
                         "exceptions":[],"numServersQueried":2,"numServersResponded":1}
                        """))
                .isInstanceOf(PinotQueryException.class)
                .hasMessageContaining("Only 1 of 2 Pinot servers answered");
    }

    @Test
    void brokerExceptionsBecomeAQueryException() {
        assertThatThrownBy(() -> PinotBroker.parse(
                        SQL, "{\"exceptions\":[{\"errorCode\":190,\"message\":\"TableDoesNotExistError\"}]}"))
                .isInstanceOf(PinotQueryException.class)
                .hasMessageContaining("TableDoesNotExistError");
    }

    @Test
    void sumsBeyondTheExactRangeOfADoubleAreRefused() {
        PinotResult result = PinotBroker.parse(
                SQL,
                """
                {"resultTable":{"dataSchema":{"columnNames":["s"],"columnDataTypes":["DOUBLE"]},
                 "rows":[[1.0E17]]},"exceptions":[],"numServersQueried":1,"numServersResponded":1}
                """);

        assertThatThrownBy(() -> PinotResult.wholeNumber(result.rows().get(0).get(0)))
                .hasMessageContaining("beyond the exact range");
    }
}
