package io.adclick.router.auth;

import java.util.Locale;

/** What an API key may read (CONTRACT section 3). */
public enum Role {
    /** Only its own advertiser's reports, invoices and audit trail. */
    ADVERTISER,
    /** Everything, and the only role that regenerates invoices. */
    FINANCE,
    /** Reports, invoices and the audit trail of every advertiser, read-only. */
    AUDITOR,
    /** Reports and the audit trail of every advertiser; not invoices. */
    ENGINEER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code value} (case-insensitive). */
    public static Role fromWire(String value) {
        for (Role role : values()) {
            if (role.wireName().equalsIgnoreCase(value)) {
                return role;
            }
        }
        throw new IllegalArgumentException(
                "Unknown role \"%s\": use advertiser, finance, auditor or engineer".formatted(value));
    }
}
