package io.adclick.router.reconciliation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adclick.router.trino.TruthDatabase;
import io.adclick.router.trino.TruthState;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code adclick.reconciliation} (written by {@code batch-truth}'s reconciliation job) through
 * Trino, pinned to the table's current snapshot. Explained amounts are signed contributions to
 * the drift, per category ({@code late}, {@code no_impression}, {@code dedup_expiry}, {@code first_click_order}, {@code
 * fraud:<rule>}).
 */
@Singleton
public final class Reconciliations {
    static final String TABLE = "reconciliation";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Long>> AMOUNTS = new TypeReference<>() {};

    private final TruthDatabase database;
    private final TruthState state;

    public Reconciliations(TruthDatabase database, TruthState state) {
        this.database = requireNonNull(database, "database is null");
        this.state = requireNonNull(state, "state is null");
    }

    public ReconciliationAnswer read(ReconciliationQuery query) {
        Optional<Long> snapshot = state.currentSnapshot(TABLE);
        List<Map<String, Object>> rows = snapshot.map(id -> database.query(query.sql(id), Reconciliations::row))
                .orElse(List.of());
        return new ReconciliationAnswer(state.completeThrough().orElse(null), snapshot.orElse(null), rows);
    }

    private static Map<String, Object> row(ResultSet rs) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("hour", Instant.ofEpochMilli(rs.getLong(1)).toString());
        row.put("advertiser_id", rs.getString(2));
        row.put("campaign_id", rs.getString(3));
        row.put("estimate_clicks", rs.getLong(4));
        row.put("truth_clicks", rs.getLong(5));
        row.put("drift_clicks", rs.getLong(6));
        row.put("estimate_spend_micros", rs.getLong(7));
        row.put("truth_spend_micros", rs.getLong(8));
        row.put("drift_spend_micros", rs.getLong(9));
        row.put("explained_clicks", amounts(rs.getString(10)));
        row.put("explained_spend_micros", amounts(rs.getString(11)));
        row.put("residual_clicks", rs.getLong(12));
        row.put("residual_spend_micros", rs.getLong(13));
        row.put("category", rs.getString(14));
        row.put("alert", rs.getBoolean(15));
        row.put("job_run_id", rs.getString(16));
        row.put("truth_snapshot_id", nullableLong(rs, 17));
        row.put("estimate_snapshot_id", nullableLong(rs, 18));
        row.put("computed_at", Instant.ofEpochMilli(rs.getLong(19)).toString());
        return row;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Map<String, Long> amounts(String json) throws SQLException {
        if (json == null) {
            return Map.of();
        }
        try {
            return new java.util.TreeMap<>(JSON.readValue(json, AMOUNTS));
        } catch (IOException e) {
            throw new SQLException("Unreadable explained amounts from Trino: " + json, e);
        }
    }
}
