package io.adclick.router.trino;

import static java.util.Objects.requireNonNull;

import io.adclick.router.api.ApiException;
import io.adclick.router.config.TrinoConfig;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Runs {@link Sql} on Trino's Iceberg catalog through {@code trino-jdbc}, always as a prepared
 * statement with bound parameters. Failures become 503s that say what to do; a missing truth
 * table becomes {@link MissingTableException} so callers can answer "no data yet".
 */
@Singleton
public final class TruthDatabase {
    /** Maps one row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** A table of the truth schema does not exist (no truth job has written it yet). */
    public static final class MissingTableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingTableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final TrinoConfig config;

    public TruthDatabase(TrinoConfig config) {
        this.config = requireNonNull(config, "config is null");
        try {
            Class.forName("io.trino.jdbc.TrinoDriver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("trino-jdbc is missing from the classpath", e);
        }
    }

    public TrinoConfig config() {
        return config;
    }

    /** The rows of a query. */
    public <T> List<T> query(Sql sql, RowMapper<T> mapper) {
        try (Connection connection = connect();
                PreparedStatement statement = prepare(connection, sql);
                ResultSet rows = statement.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rows.next()) {
                out.add(mapper.map(rows));
            }
            return out;
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Runs a statement that returns no rows (DDL, INSERT); the update count where Trino gives one. */
    public long execute(Sql sql) {
        try (Connection connection = connect();
                PreparedStatement statement = prepare(connection, sql)) {
            statement.execute();
            return Math.max(0, statement.getLargeUpdateCount());
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", config.user());
        return DriverManager.getConnection(config.jdbcUrl(), properties);
    }

    private PreparedStatement prepare(Connection connection, Sql sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.text());
        statement.setQueryTimeout((int) Math.max(1, config.queryTimeout().toSeconds()));
        int index = 1;
        for (Object parameter : sql.parameters()) {
            if (parameter instanceof String s) {
                statement.setString(index++, s);
            } else if (parameter instanceof Long l) {
                statement.setLong(index++, l);
            } else {
                statement.setInt(index++, (Integer) parameter);
            }
        }
        return statement;
    }

    private RuntimeException translate(SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("does not exist") && (message.contains("Table") || message.contains("Schema"))) {
            return new MissingTableException(message, e);
        }
        if (message.contains("Error executing query") || message.contains("Connection refused")) {
            return TruthUnavailableException.of(
                    "Trino does not answer at %s: start the stack (./adclick up) or set adclick.router.trino.url"
                            .formatted(config.url()),
                    e);
        }
        return new ApiException(
                io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE,
                "truth_unavailable",
                "The truth query failed: %s (see the router log)".formatted(message),
                e);
    }
}
