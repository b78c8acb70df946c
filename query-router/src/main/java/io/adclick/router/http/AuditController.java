package io.adclick.router.http;

import static java.util.Objects.requireNonNull;

import io.adclick.router.api.Parameters;
import io.adclick.router.audit.AuditService;
import io.adclick.router.audit.EventStatus;
import io.adclick.router.audit.LineId;
import io.adclick.router.auth.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Map;
import java.util.Optional;

/** The audit trail: invoice lines' lineage and events, and single events' decisions. */
@Controller("/v1/audit")
public class AuditController {
    /** The most events one page holds. */
    public static final int MAX_LIMIT = 1000;

    private final AuditService audit;
    private final RouterMetrics metrics;

    public AuditController(AuditService audit, RouterMetrics metrics) {
        this.audit = requireNonNull(audit, "audit is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    @Operation(
            summary = "Lineage of an invoice line",
            description = "The billing_daily partitions and snapshot behind the line, the job runs that wrote them,"
                    + " the raw_events snapshots they read, and the clicks removed as duplicates and per fraud rule.")
    @ApiResponse(responseCode = "200", description = "The lineage")
    @ApiResponse(responseCode = "404", description = "No such line")
    @Get("/lines/{lineId}")
    public Map<String, Object> line(
            @Parameter(hidden = true) Caller caller, @Schema(type = "string") @PathVariable LineId lineId) {
        return metrics.query("audit_line", () -> audit.lineage(lineId.value(), caller));
    }

    @Operation(
            summary = "The click events of an invoice line with their decisions, a page at a time",
            description = "status=billable|duplicate|fraud filters; limit (default 100, at most 1000) and offset page.")
    @ApiResponse(responseCode = "200", description = "A page of events")
    @Get("/lines/{lineId}/events")
    public Map<String, Object> lineEvents(
            @Parameter(hidden = true) Caller caller,
            @Schema(type = "string") @PathVariable LineId lineId,
            @Parameter(description = "billable, duplicate or fraud", schema = @Schema(implementation = String.class))
                    @Nullable
                    @QueryValue
                    EventStatus status,
            @Parameter(description = "1-1000, default 100") @Nullable @QueryValue String limit,
            @Parameter(description = "0 or more, default 0") @Nullable @QueryValue String offset) {
        Optional<EventStatus> wanted = Optional.ofNullable(status);
        int pageSize = Parameters.integer("limit", limit, 100, 1, MAX_LIMIT);
        int skip = Parameters.integer("offset", offset, 0, 0, 10_000_000);
        return metrics.query("audit_events", () -> audit.lineEvents(lineId.value(), caller, wanted, pageSize, skip));
    }

    @Operation(
            summary = "A raw event, its billing decision and where it is stored",
            description = "Every archived copy, the decision (billable, duplicate of which event, or which fraud rule)"
                    + " with the fraud rules' evidence, and the raw_events data files holding it.")
    @ApiResponse(responseCode = "200", description = "The event")
    @ApiResponse(responseCode = "404", description = "No such event")
    @Get("/events/{eventId}")
    public Map<String, Object> event(@Parameter(hidden = true) Caller caller, @PathVariable String eventId) {
        String id = Parameters.requiredIdentifier("event_id", eventId);
        return metrics.query("audit_event", () -> audit.event(id, caller));
    }
}
