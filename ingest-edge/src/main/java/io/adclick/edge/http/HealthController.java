package io.adclick.edge.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.adclick.edge.log.DeliveryMode;
import io.adclick.edge.log.DiskSpool;
import io.adclick.edge.log.KafkaStatus;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * {@code GET /health}: {@code 200} while the edge can accept events (Kafka is up, or the spool
 * has room), {@code 503} when the spool is full and Kafka is down.
 */
@Controller
public class HealthController {
    private final KafkaStatus kafka;
    private final DiskSpool spool;
    private final DeliveryMode mode;

    public HealthController(KafkaStatus kafka, DiskSpool spool, DeliveryMode mode) {
        this.kafka = requireNonNull(kafka, "kafka is null");
        this.spool = requireNonNull(spool, "spool is null");
        this.mode = requireNonNull(mode, "mode is null");
    }

    @Get("/health")
    public HttpResponse<Health> health() {
        boolean kafkaUp = kafka.isUp();
        boolean canAccept = kafkaUp || !spool.isFull();
        Health health = new Health(
                canAccept ? "UP" : "DOWN",
                kafkaUp ? "up" : "down",
                spool.depthRecords(),
                spool.depthBytes(),
                mode.isSpooling() ? "spooling" : "direct");
        return HttpResponse.status(canAccept ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(health);
    }

    /**
     * The health report.
     *
     * @param status {@code UP} or {@code DOWN}
     * @param kafka {@code up} or {@code down}: whether the last contact with Kafka succeeded
     * @param spoolDepth records in the spool waiting for Kafka
     * @param spoolBytes their size in bytes
     * @param mode {@code direct} (to Kafka) or {@code spooling}
     */
    public record Health(
            @JsonProperty("status") String status,
            @JsonProperty("kafka") String kafka,
            @JsonProperty("spool_depth") long spoolDepth,
            @JsonProperty("spool_bytes") long spoolBytes,
            @JsonProperty("mode") String mode) {}
}
