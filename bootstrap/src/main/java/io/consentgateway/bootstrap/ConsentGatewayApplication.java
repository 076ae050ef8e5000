package io.consentgateway.bootstrap;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The JAX-RS application: the REST API at {@code /api/v1}, the provider callback at {@code /callback} and the
 * demo page at {@code /}. Bearer JWTs are verified by MicroProfile JWT (issuer and keys from configuration).
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(info = @Info(title = "Consent Gateway API", version = "1",
        description = "Connect a user's bank accounts through nrich: start a consent flow, take the provider's callback, "
                + "and read accounts, transactions and income reports. Errors are RFC 9457 problem details.",
        license = @License(name = "Apache-2.0")))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A JWT from the fintech's identity provider (demo: POST /sandbox/idp/token with user=<name>); sub = user id")
public class ConsentGatewayApplication extends Application {
}
