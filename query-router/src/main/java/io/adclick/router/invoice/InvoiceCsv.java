package io.adclick.router.invoice;

import java.util.List;

/**
 * An invoice as CSV (RFC 4180, CRLF line ends): a header, one row per line, then a {@code TOTAL}
 * row. Fields that a spreadsheet would run as a formula ({@code = + - @} first) get a leading
 * apostrophe.
 */
public final class InvoiceCsv {
    public static final String HEADER =
            "invoice_id,version,advertiser_id,month,truth_snapshot_id,line_id,campaign_id,billable_clicks,spend_micros";

    private InvoiceCsv() {}

    public static String render(InvoiceAnswer invoice) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (InvoiceLine line : invoice.lines()) {
            row(csv, invoice, line.lineId(), line.campaignId(), line.billableClicks(), line.spendMicros());
        }
        row(
                csv,
                invoice,
                "TOTAL",
                "",
                invoice.totals().billableClicks(),
                invoice.totals().spendMicros());
        return csv.toString();
    }

    private static void row(
            StringBuilder csv, InvoiceAnswer invoice, String lineId, String campaignId, long clicks, long spend) {
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
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }

    /** One field, neutralised against formula injection and quoted when it needs to be. */
    static String field(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
