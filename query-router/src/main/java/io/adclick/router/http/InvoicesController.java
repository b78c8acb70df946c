package io.adclick.router.http;

import static java.util.Objects.requireNonNull;

import io.adclick.router.api.ApiException;
import io.adclick.router.api.Parameters;
import io.adclick.router.auth.Caller;
import io.adclick.router.auth.Role;
import io.adclick.router.invoice.InvoiceAnswer;
import io.adclick.router.invoice.InvoiceCsv;
import io.adclick.router.invoice.InvoiceService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.YearMonth;
import java.util.Optional;

/** {@code GET /v1/invoices}: an advertiser-month invoice, as JSON or CSV. */
@Controller("/v1/invoices")
public class InvoicesController {
    public static final String CSV = "text/csv";

    private final InvoiceService invoices;
    private final RouterMetrics metrics;

    public InvoicesController(InvoiceService invoices, RouterMetrics metrics) {
        this.invoices = requireNonNull(invoices, "invoices is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    @Operation(
            summary = "The invoice of an advertiser-month: one line per campaign, totals, and the billing_daily"
                    + " snapshot it was computed from",
            description = "The first request computes and stores version 1; asking again returns the stored version."
                    + " regenerate=true (finance only) recomputes from current truth and stores a new version, linked"
                    + " to the one it supersedes, when the amounts changed. Readable by the advertiser itself,"
                    + " finance and auditors.")
    @ApiResponse(
            responseCode = "200",
            description = "The invoice",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = InvoiceAnswer.class)),
                @Content(mediaType = CSV)
            })
    @ApiResponse(responseCode = "400", description = "A bad parameter")
    @ApiResponse(responseCode = "401", description = "No valid API key")
    @ApiResponse(responseCode = "403", description = "Outside the key's scope")
    @ApiResponse(responseCode = "404", description = "No such version")
    @Get
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public HttpResponse<?> invoice(
            @Parameter(hidden = true) Caller caller,
            @Parameter(description = "required, except for an advertiser key (its own)")
                    @Nullable
                    @QueryValue("advertiser_id")
                    String advertiserId,
            @Parameter(description = "YYYY-MM") @Nullable @QueryValue String month,
            @Parameter(description = "json (default) or csv") @Nullable @QueryValue String format,
            @Parameter(description = "a stored version to read (default: the latest)") @Nullable @QueryValue
                    String version,
            @Parameter(description = "true to recompute from current truth (finance only)") @Nullable @QueryValue
                    String regenerate) {
        caller.requireRole("read invoices", Role.ADVERTISER, Role.FINANCE, Role.AUDITOR);
        String advertiser = caller.scope(Parameters.identifier("advertiser_id", advertiserId))
                .orElseThrow(() -> ApiException.badRequest("Missing advertiser_id: it is required"));
        YearMonth invoiceMonth = Parameters.month("month", month);
        boolean csv = format(format);
        Optional<Integer> wanted = version == null || version.isEmpty()
                ? Optional.empty()
                : Optional.of(Parameters.integer("version", version, 1, 1, 1_000_000));
        boolean recompute = Parameters.bool("regenerate", regenerate);
        if (recompute) {
            caller.requireRole("regenerate invoices", Role.FINANCE);
            if (wanted.isPresent()) {
                throw ApiException.badRequest("Give either version or regenerate=true, not both");
            }
        }
        InvoiceAnswer answer = metrics.invoice(() -> invoices.invoice(advertiser, invoiceMonth, wanted, recompute));
        if (csv) {
            return HttpResponse.ok(InvoiceCsv.render(answer))
                    .contentType(CSV + "; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"%s.csv\"".formatted(answer.invoiceId()));
        }
        return HttpResponse.ok(answer).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static boolean format(String format) {
        if (format == null || format.isEmpty() || format.equals("json")) {
            return false;
        }
        if (format.equals("csv")) {
            return true;
        }
        throw ApiException.badRequest("Invalid format \"%s\": use json or csv".formatted(Parameters.shown(format)));
    }
}
