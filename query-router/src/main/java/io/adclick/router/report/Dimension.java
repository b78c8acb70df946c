package io.adclick.router.report;

import io.adclick.router.api.ApiException;
import io.adclick.router.api.Parameters;
import java.util.Locale;

/**
 * A {@code group_by} field. Each constant is also the billing tables' column of the same name: the
 * only names ever put into report SQL, never the request's text.
 */
public enum Dimension {
    CAMPAIGN_ID,
    AD_ID,
    PUBLISHER_ID,
    COUNTRY,
    DEVICE;

    /** The JSON field and table column. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Dimension parse(String value) {
        for (Dimension dimension : values()) {
            if (dimension.column().equals(value)) {
                return dimension;
            }
        }
        throw ApiException.badRequest(
                "Invalid group_by field \"%s\": use a comma list of campaign_id, ad_id, publisher_id, country, device"
                        .formatted(Parameters.shown(value)));
    }
}
