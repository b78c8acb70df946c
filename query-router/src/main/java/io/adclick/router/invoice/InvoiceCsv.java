package io.adclick.router.invoice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * An invoice as CSV (RFC 4180, CRLF line ends, written by Commons CSV): a header, one row per line,
 * then a {@code TOTAL} row. Fields that a spreadsheet would run as a formula ({@code = + - @} first)
 * get a leading apostrophe.
 */
public final class InvoiceCsv {
    private static final String[] COLUMNS = {
        "invoice_id",
        "version",
        "advertiser_id",
        "month",
        "truth_snapshot_id",
        "line_id",
        "campaign_id",
        "billable_clicks",
        "spend_micros"
    };

    public static final String HEADER = String.join(",", COLUMNS);

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setHeader(COLUMNS).get();

    private InvoiceCsv() {}

    public static String render(InvoiceAnswer invoice) {
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, FORMAT)) {
            for (InvoiceLine line : invoice.lines()) {
                row(printer, invoice, line.lineId(), line.campaignId(), line.billableClicks(), line.spendMicros());
            }
            row(
                    printer,
                    invoice,
                    "TOTAL",
                    "",
                    invoice.totals().billableClicks(),
                    invoice.totals().spendMicros());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to a StringBuilder", e);
        }
        return csv.toString();
    }

    private static void row(
            CSVPrinter printer, InvoiceAnswer invoice, String lineId, String campaignId, long clicks, long spend)
            throws IOException {
        List<String> fields = List.of(
                invoice.invoiceId(),
                Integer.toString(invoice.version()),
                invoice.advertiserId(),
                invoice.month(),
                Long.toString(invoice.truthSnapshotId()),
                lineId,
                campaignId,
                Long.toString(clicks),
                Long.toString(spend));
        printer.printRecord(fields.stream().map(InvoiceCsv::neutralised));
    }

    /** One field as written: neutralised against formula injection, quoted when it needs to be. */
    static String field(String value) {
        return CSVFormat.RFC4180.format(neutralised(value));
    }

    private static String neutralised(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
