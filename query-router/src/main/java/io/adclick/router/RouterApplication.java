package io.adclick.router;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * Starts the query router: reports, invoices and the audit trail over billing truth (Trino over
 * Iceberg), behind API keys with roles.
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "adclick query router",
                        version = "0.1.0",
                        description =
                                "Reports, invoices and the audit trail over adclick's billing truth. Every /v1 call needs"
                                        + " Authorization: Bearer <api key>."),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer")
public final class RouterApplication {
    private RouterApplication() {}

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(RouterApplication.class).start();
    }
}
