package io.adclick.schemas.event;

import io.adclick.schemas.InvalidFieldException;
import java.util.Locale;
import java.util.Set;

/** ISO-3166 alpha-2 country codes, plus {@code ZZ} for unknown. */
public final class Countries {
    /** The code for an unknown country. */
    public static final String UNKNOWN = "ZZ";

    private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private Countries() {}

    /** Returns {@code code} when it is an ISO-3166 alpha-2 code or {@code ZZ}. */
    public static String requireValid(String code) {
        if (code == null || !(UNKNOWN.equals(code) || CODES.contains(code))) {
            throw new InvalidFieldException("country", code, "must be an ISO-3166 alpha-2 code such as US, or ZZ");
        }
        return code;
    }

    /** Normalizes a header value (any case, surrounding blanks) to a valid code, {@code ZZ} when unknown. */
    public static String fromHeader(String header) {
        if (header == null) {
            return UNKNOWN;
        }
        String code = header.trim().toUpperCase(Locale.ROOT);
        return CODES.contains(code) ? code : UNKNOWN;
    }
}
