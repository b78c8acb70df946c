package io.adclick.router.http;

import static java.util.Objects.requireNonNull;

import io.adclick.router.api.ApiException;
import io.adclick.router.api.Parameters;
import io.adclick.router.auth.Caller;
import io.adclick.router.pacing.PacingAnswer;
import io.adclick.router.pacing.PacingService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** {@code GET /v1/pacing}: spend so far on a UTC day per campaign against its daily budget. */
@Controller("/v1/pacing")
public class PacingController {
    private final PacingService pacing;
    private final RouterMetrics metrics;

    public PacingController(PacingService pacing, RouterMetrics metrics) {
        this.pacing = requireNonNull(pacing, "pacing is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    @Operation(
            summary = "Per campaign: spend so far on the day, daily budget, pace and projected end-of-day spend",
            description = "Spend comes from dashboard mode (truth for complete hours, the stream estimates after);"
                    + " budgets from adclick.campaigns. An advertiser key sees only its own advertiser.")
    @ApiResponse(responseCode = "200", description = "The pacing")
    @ApiResponse(responseCode = "400", description = "A bad parameter")
    @ApiResponse(responseCode = "401", description = "No valid API key")
    @ApiResponse(responseCode = "403", description = "Outside the key's scope")
    @Get
    public PacingAnswer pacing(
            @Parameter(hidden = true) Caller caller,
            @Parameter(description = "the advertiser; required except for an advertiser key")
                    @Nullable
                    @QueryValue("advertiser_id")
                    String advertiserId,
            @Parameter(description = "the UTC day, YYYY-MM-DD") @Nullable @QueryValue String date) {
        String advertiser = caller.scope(Parameters.identifier("advertiser_id", advertiserId))
                .orElseThrow(() -> ApiException.badRequest("Missing advertiser_id: name the advertiser to pace"));
        LocalDate day = date(date);
        return metrics.query("pacing", () -> pacing.pacing(advertiser, day));
    }

    static LocalDate date(String value) {
        if (value == null || value.isEmpty()) {
            throw ApiException.badRequest("Missing date: give a UTC day as YYYY-MM-DD");
        }
        if (!value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            throw ApiException.badRequest("Invalid date \"%s\": use YYYY-MM-DD".formatted(Parameters.shown(value)));
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("Invalid date \"%s\": use YYYY-MM-DD".formatted(Parameters.shown(value)));
        }
    }
}
