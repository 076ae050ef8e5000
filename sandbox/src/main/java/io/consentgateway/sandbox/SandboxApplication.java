package io.consentgateway.sandbox;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The sandbox's JAX-RS application, deployed at context root /sandbox. */
@ApplicationPath("/")
public class SandboxApplication extends Application {
}
