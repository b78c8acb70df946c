package io.adclick.router.trino;

import static java.util.Objects.requireNonNull;

import io.adclick.router.report.Dimension;
import io.adclick.router.report.ReportAnswer;
import io.adclick.router.report.ReportQuery;
import io.adclick.router.report.ReportSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reports read from billing truth (Trino over Iceberg), pinned to the table's current snapshot. */
@Singleton
@Named(ReportSource.TRUTH)
public final class TruthReports implements ReportSource {
    private final TruthDatabase database;
    private final TruthState state;

    public TruthReports(TruthDatabase database, TruthState state) {
        this.database = requireNonNull(database, "database is null");
        this.state = requireNonNull(state, "state is null");
    }

    /** The answer of {@code query}, labelled with its {@code mode}. */
    @Override
    public ReportAnswer report(ReportQuery query) {
        String table = ReportSql.table(query);
        TruthState.Snapshot truth = state.of(table);
        List<Map<String, Object>> rows = truth.snapshotId()
                .map(id -> database.query(ReportSql.build(query, id), row -> row(query, row)))
                .orElse(List.of());
        return new ReportAnswer(
                query.mode().wireName(),
                TRUTH,
                truth.completeThrough().orElse(null),
                truth.snapshotId().orElse(null),
                rows);
    }

    @Override
    public Optional<Instant> completeThrough() {
        return state.completeThrough();
    }

    private static Map<String, Object> row(ReportQuery query, ResultSet rs) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("bucket", Instant.ofEpochMilli(rs.getLong(1)).toString());
        int column = 2;
        for (Dimension dimension : query.groupBy()) {
            row.put(dimension.column(), rs.getString(column++));
        }
        long impressions = rs.getLong(column++);
        long clicks = rs.getLong(column++);
        row.put("impressions", impressions);
        row.put("clicks", clicks);
        row.put("billable_clicks", rs.getLong(column++));
        row.put("spend_micros", rs.getLong(column++));
        row.put("ctr", impressions == 0 ? 0.0 : (double) clicks / impressions);
        row.put("unique_users", rs.getLong(column));
        return row;
    }
}
