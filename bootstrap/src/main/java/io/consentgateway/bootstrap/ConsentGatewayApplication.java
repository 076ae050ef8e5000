package io.consentgateway.bootstrap;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application: every resource of the inbound REST adapter is served below the context root. */
@ApplicationPath("/")
public class ConsentGatewayApplication extends Application {
}
