package io.adclick.router.invoice;

import static java.util.Objects.requireNonNull;

import io.adclick.router.trino.Sql;
import io.adclick.router.trino.TruthDatabase;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code adclick.invoices} in Iceberg, through Trino: one row per invoice line (one row with
 * null line fields for an invoice without lines), partitioned by month. Rows are only ever
 * appended; a new version is new rows. The stack's catalog creates the table (schemas'
 * {@code InvoicesTable}); the router creates it through Trino only where it is missing.
 */
@Singleton
public final class InvoiceStore {
    static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS invoices ("
            + "invoice_id varchar NOT NULL, version integer NOT NULL, supersedes varchar,"
            + " advertiser_id varchar NOT NULL, month varchar NOT NULL, truth_snapshot_id bigint NOT NULL,"
            + " created_at timestamp(6) with time zone NOT NULL, line_id varchar, campaign_id varchar,"
            + " billable_clicks bigint, spend_micros bigint)"
            + " WITH (partitioning = ARRAY['month'], format = 'PARQUET')";

    private static final String COLUMNS = "invoice_id, version, supersedes, advertiser_id, month, truth_snapshot_id,"
            + " CAST(to_unixtime(created_at) * 1000 AS bigint), line_id, campaign_id, billable_clicks, spend_micros";

    private final TruthDatabase database;
    private final AtomicBoolean created = new AtomicBoolean();

    public InvoiceStore(TruthDatabase database) {
        this.database = requireNonNull(database, "database is null");
    }

    /** Creates the table when it does not exist yet (once per router process). */
    public void ensureTable() {
        if (!created.get()) {
            database.execute(new Sql(CREATE_TABLE, List.of()));
            created.set(true);
        }
    }

    /**
     * Every stored version of an advertiser-month invoice, oldest first, lines in campaign order
     * (the order they were numbered in; line ids past L999 do not sort as text).
     */
    public List<Invoice> versions(String advertiserId, YearMonth month) {
        ensureTable();
        List<StoredRow> rows = database.query(
                new Sql(
                        "SELECT " + COLUMNS + " FROM invoices WHERE advertiser_id = ? AND month = ?"
                                + " ORDER BY version, campaign_id",
                        List.of(advertiserId, month.toString())),
                InvoiceStore::storedRow);
        return assemble(rows);
    }

    /** The invoice that holds {@code lineId}, if any. */
    public Optional<Invoice> byLine(String lineId) {
        ensureTable();
        List<StoredRow> keys = database.query(
                new Sql(
                        "SELECT " + COLUMNS + " FROM invoices WHERE line_id = ? ORDER BY version LIMIT 1",
                        List.of(lineId)),
                InvoiceStore::storedRow);
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        StoredRow key = keys.get(0);
        return versions(key.advertiserId(), YearMonth.parse(key.month())).stream()
                .filter(invoice -> invoice.invoiceId().equals(key.invoiceId()))
                .findFirst();
    }

    /** Appends {@code invoice}'s rows in one INSERT (one Iceberg snapshot). */
    public void save(Invoice invoice) {
        ensureTable();
        List<Object> parameters = new ArrayList<>();
        List<String> values = new ArrayList<>();
        String tuple = "(?, ?, NULLIF(?, ''), ?, ?, ?, from_iso8601_timestamp(?), ?, ?, ?, ?)";
        if (invoice.lines().isEmpty()) {
            values.add("(?, ?, NULLIF(?, ''), ?, ?, ?, from_iso8601_timestamp(?), NULL, NULL, NULL, NULL)");
            header(parameters, invoice);
        }
        for (InvoiceLine line : invoice.lines()) {
            values.add(tuple);
            header(parameters, invoice);
            parameters.add(line.lineId());
            parameters.add(line.campaignId());
            parameters.add(line.billableClicks());
            parameters.add(line.spendMicros());
        }
        database.execute(new Sql("INSERT INTO invoices VALUES " + String.join(", ", values), parameters));
    }

    private static void header(List<Object> parameters, Invoice invoice) {
        parameters.add(invoice.invoiceId());
        parameters.add(invoice.version());
        // no predecessor travels as the empty string and is stored as NULL (NULLIF)
        parameters.add(invoice.supersedes().orElse(""));
        parameters.add(invoice.advertiserId());
        parameters.add(invoice.month().toString());
        parameters.add(invoice.truthSnapshotId());
        parameters.add(invoice.createdAt().toString());
    }

    private record StoredRow(
            String invoiceId,
            int version,
            String supersedes,
            String advertiserId,
            String month,
            long truthSnapshotId,
            long createdAtMillis,
            String lineId,
            String campaignId,
            long billableClicks,
            long spendMicros) {}

    private static StoredRow storedRow(ResultSet rs) throws SQLException {
        return new StoredRow(
                rs.getString(1),
                rs.getInt(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getLong(6),
                rs.getLong(7),
                rs.getString(8),
                rs.getString(9),
                rs.getLong(10),
                rs.getLong(11));
    }

    private static List<Invoice> assemble(List<StoredRow> rows) {
        Map<Integer, List<StoredRow>> byVersion = new TreeMap<>();
        for (StoredRow row : rows) {
            byVersion.computeIfAbsent(row.version(), v -> new ArrayList<>()).add(row);
        }
        List<Invoice> invoices = new ArrayList<>();
        for (List<StoredRow> versionRows : byVersion.values()) {
            StoredRow head = versionRows.get(0);
            List<InvoiceLine> lines = versionRows.stream()
                    .filter(r -> r.lineId() != null)
                    .map(r -> new InvoiceLine(r.lineId(), r.campaignId(), r.billableClicks(), r.spendMicros()))
                    .toList();
            invoices.add(new Invoice(
                    head.invoiceId(),
                    head.version(),
                    Optional.ofNullable(head.supersedes()).filter(s -> !s.isEmpty()),
                    head.advertiserId(),
                    YearMonth.parse(head.month()),
                    head.truthSnapshotId(),
                    Instant.ofEpochMilli(head.createdAtMillis()),
                    lines));
        }
        return invoices;
    }
}
