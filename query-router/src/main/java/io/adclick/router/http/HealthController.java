package io.adclick.router.http;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;

/**
 * {@code GET /health}: 200 while the router serves requests. Trino's state is not part of it: a
 * truth query answers 503 with what to do when Trino is away.
 */
@Controller
@Hidden
public class HealthController {
    @Get("/health")
    public Map<String, String> health() {
        return Map.of("status", "UP");
    }
}
