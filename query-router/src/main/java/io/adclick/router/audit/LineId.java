package io.adclick.router.audit;

import static java.util.Objects.requireNonNull;

import io.adclick.router.api.ApiException;
import io.adclick.router.api.Parameters;

/** The id of an invoice line ({@code INV-...-L001}), as the audit trail is asked for it. */
public record LineId(String value) {
    private static final String PATTERN = "[A-Za-z0-9_.:-]{1,128}";

    public LineId {
        requireNonNull(value, "value is null");
        if (!value.matches(PATTERN)) {
            throw ApiException.badRequest(
                    "Invalid line_id \"%s\": line ids come from GET /v1/invoices".formatted(Parameters.shown(value)));
        }
    }
}
