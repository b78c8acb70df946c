package io.adclick.router.invoice;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One stored version of an advertiser-month invoice: one line per campaign, computed from the
 * {@code billing_daily} snapshot {@code truthSnapshotId}. A later version (after truth changed)
 * names the version it supersedes; versions are never rewritten.
 */
public record Invoice(
        String invoiceId,
        int version,
        Optional<String> supersedes,
        String advertiserId,
        YearMonth month,
        long truthSnapshotId,
        Instant createdAt,
        List<InvoiceLine> lines) {

    private static final DateTimeFormatter COMPACT_MONTH = DateTimeFormatter.ofPattern("uuuuMM");

    public Invoice {
        requireNonNull(invoiceId, "invoiceId is null");
        if (version < 1) {
            throw new IllegalArgumentException("Invalid invoice version: " + version);
        }
        requireNonNull(supersedes, "supersedes is null");
        requireNonNull(advertiserId, "advertiserId is null");
        requireNonNull(month, "month is null");
        requireNonNull(createdAt, "createdAt is null");
        lines = List.copyOf(lines);
    }

    /** {@code INV-<yyyyMM>-<10 hex of the advertiser's SHA-256>-v<version>}: path-safe, stable. */
    public static String idOf(String advertiserId, YearMonth month, int version) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(advertiserId.getBytes(StandardCharsets.UTF_8));
            return "INV-%s-%s-v%d"
                    .formatted(COMPACT_MONTH.format(month), HexFormat.of().formatHex(digest, 0, 5), version);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code <invoice_id>-L<nnn>}, numbered from 1 in campaign order. */
    public static String lineIdOf(String invoiceId, int lineNumber) {
        return "%s-L%03d".formatted(invoiceId, lineNumber);
    }

    public long totalBillableClicks() {
        return lines.stream().mapToLong(InvoiceLine::billableClicks).sum();
    }

    public long totalSpendMicros() {
        return lines.stream().mapToLong(InvoiceLine::spendMicros).sum();
    }

    /** Whether {@code other} bills the same campaigns, clicks and spend. */
    public boolean sameAmounts(List<CampaignTotal> totals) {
        if (totals.size() != lines.size()) {
            return false;
        }
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLine line = lines.get(i);
            CampaignTotal total = totals.get(i);
            if (!line.campaignId().equals(total.campaignId())
                    || line.billableClicks() != total.billableClicks()
                    || line.spendMicros() != total.spendMicros()) {
                return false;
            }
        }
        return true;
    }

    /** A campaign's billable clicks and spend in a month, as computed from truth. */
    public record CampaignTotal(String campaignId, long billableClicks, long spendMicros) {}
}
