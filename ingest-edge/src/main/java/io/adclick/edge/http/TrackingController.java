package io.adclick.edge.http;

import static java.util.Objects.requireNonNull;

import io.adclick.edge.client.ClientContext;
import io.adclick.edge.client.ClientContextResolver;
import io.adclick.edge.config.SpoolConfig;
import io.adclick.edge.ingest.TrackedEventRecorder;
import io.adclick.edge.ingest.TrackingOutcome;
import io.adclick.schemas.event.EventType;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import java.net.URI;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The impression pixel {@code GET /i/{token}} and the click redirect {@code GET /c/{token}}. Each
 * answers only once its event (or, for an invalid token, its quarantine record) is durable, and
 * names the recorded event in {@code X-Event-Id}.
 */
@Controller
public class TrackingController {
    /** The response header that names the recorded event. */
    public static final String EVENT_ID_HEADER = "X-Event-Id";

    /** A transparent 1x1 GIF. */
    private static final byte[] PIXEL_GIF =
            Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final TrackedEventRecorder recorder;
    private final ClientContextResolver clients;
    private final Clock clock;
    private final SpoolConfig spool;

    public TrackingController(
            TrackedEventRecorder recorder, ClientContextResolver clients, Clock clock, SpoolConfig spool) {
        this.recorder = requireNonNull(recorder, "recorder is null");
        this.clients = requireNonNull(clients, "clients is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.spool = requireNonNull(spool, "spool is null");
    }

    /** Records an impression: {@code 204}, or a 1x1 GIF when the client accepts images. */
    @Get("/i/{token}")
    public CompletableFuture<MutableHttpResponse<?>> impression(@PathVariable String token, HttpRequest<?> request) {
        boolean wantsImage = request.getHeaders()
                .get(HttpHeaders.ACCEPT, String.class)
                .orElse("")
                .contains("image/");
        return track(
                EventType.IMPRESSION,
                token,
                request,
                recorded -> wantsImage
                        ? HttpResponse.ok(PIXEL_GIF).contentType(MediaType.IMAGE_GIF_TYPE)
                        : HttpResponse.noContent());
    }

    /** Records a click and redirects to the token's landing page, also when the token expired. */
    @Get("/c/{token}")
    public CompletableFuture<MutableHttpResponse<?>> click(@PathVariable String token, HttpRequest<?> request) {
        return track(EventType.CLICK, token, request, recorded -> HttpResponse.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, URI.create(recorded.token().url()).toASCIIString()));
    }

    private CompletableFuture<MutableHttpResponse<?>> track(
            EventType type,
            String token,
            HttpRequest<?> request,
            Function<TrackingOutcome.Recorded, MutableHttpResponse<?>> success) {
        ClientContext client = clients.resolve(request);
        return recorder.record(type, token, client, clock.instant()).handle((outcome, failure) -> {
            if (failure != null) {
                return ErrorResponses.forWriteFailure(failure, spool.fullRetryAfter());
            }
            if (outcome instanceof TrackingOutcome.Refused refused) {
                return ErrorResponses.of(HttpStatus.BAD_REQUEST, refused.code(), refused.message());
            }
            TrackingOutcome.Recorded recorded = (TrackingOutcome.Recorded) outcome;
            MutableHttpResponse<?> response = success.apply(recorded)
                    .header(EVENT_ID_HEADER, recorded.eventId())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store, private");
            if (client.userIdIsNew()) {
                response.cookie(clients.uidCookie(client.userId()));
            }
            return response;
        });
    }
}
