package io.adclick.router.pipeline;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.adclick.router.config.PinotConfig;
import io.adclick.router.config.PipelineConfig;
import io.adclick.router.trino.Sql;
import io.adclick.router.trino.TruthDatabase;
import io.adclick.router.trino.TruthState;
import io.adclick.schemas.Instants;
import io.adclick.schemas.pinot.PinotBroker;
import io.adclick.schemas.pinot.PinotResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the figures of the pipeline gauges: the batch side through Trino, the speed side from
 * Pinot's broker. Each read throws when its source cannot answer; a truth table that does not exist
 * yet is read as empty (Trino is up, no job has written it).
 */
@Singleton
public class PipelineReader {
    /** How far back from now the newest revision is looked for: far beyond the stream's lateness. */
    static final Duration REVISION_LOOKBACK = Duration.ofDays(1);

    private final TruthDatabase database;
    private final TruthState state;
    private final PinotBroker broker;
    private final Duration window;

    @Inject
    public PipelineReader(TruthDatabase database, TruthState state, PinotConfig pinot, PipelineConfig config) {
        this(database, state, new PinotBroker(pinot.brokerUri(), pinot.queryTimeout()), config.window());
    }

    PipelineReader(TruthDatabase database, TruthState state, PinotBroker broker, Duration window) {
        this.database = requireNonNull(database, "database is null");
        this.state = requireNonNull(state, "state is null");
        this.broker = requireNonNull(broker, "broker is null");
        this.window = requireNonNull(window, "window is null");
    }

    /**
     * The batch side as of {@code now}.
     *
     * @throws RuntimeException when Trino cannot answer
     */
    public TruthFigures readTruth(Instant now) {
        Instant since = now.minus(window);
        return new TruthFigures(
                state.completeThrough(),
                orEmpty(PipelineSql.lastSucceededRuns(), PipelineReader::jobRun),
                failedRuns(since),
                orEmpty(PipelineSql.reconciliationSince(since), PipelineReader::reconciliation).stream()
                        .findFirst()
                        .orElse(ReconciliationFigures.NONE));
    }

    /**
     * The speed side as of {@code now}.
     *
     * @throws io.adclick.schemas.pinot.PinotQueryException when Pinot cannot answer
     */
    public EstimateFigures readEstimates(Instant now) {
        Optional<Instant> newestMinute =
                firstCell(PipelineSql.newestMinute()).map(cell -> Instant.ofEpochMilli(PinotResult.wholeNumber(cell)));
        Optional<Instant> newestRevision = firstCell(PipelineSql.newestRevisionSince(now.minus(REVISION_LOOKBACK)))
                .map(cell -> Instants.parse(cell.asText()));
        return new EstimateFigures(newestMinute, newestRevision);
    }

    private Map<String, Long> failedRuns(Instant since) {
        Map<String, Long> failed = new LinkedHashMap<>();
        for (Map.Entry<String, Long> entry :
                orEmpty(PipelineSql.failedRunsSince(since), row -> Map.entry(row.getString(1), row.getLong(2)))) {
            failed.put(entry.getKey(), entry.getValue());
        }
        return failed;
    }

    private <T> List<T> orEmpty(Sql sql, TruthDatabase.RowMapper<T> mapper) {
        try {
            return database.query(sql, mapper);
        } catch (TruthDatabase.MissingTableException e) {
            return List.of();
        }
    }

    private Optional<JsonNode> firstCell(String sql) {
        return broker.query(sql).rows().stream().findFirst().map(row -> row.get(0));
    }

    static JobRunFigures jobRun(ResultSet row) throws SQLException {
        return new JobRunFigures(
                row.getString(1),
                Instant.ofEpochMilli(row.getLong(2)),
                Instant.ofEpochMilli(row.getLong(3)),
                row.getLong(4),
                row.getLong(5),
                row.getLong(6));
    }

    static ReconciliationFigures reconciliation(ResultSet row) throws SQLException {
        return new ReconciliationFigures(
                row.getLong(1),
                nullableLong(row, 2).map(Instant::ofEpochMilli),
                nullableLong(row, 3),
                nullableLong(row, 4));
    }

    private static Optional<Long> nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }
}
