package io.consentgateway.sandbox.bank;

import java.net.URI;

/**
 * A refused authorization request. When the client and redirect URI are trustworthy the error goes
 * back to the client by redirect (RFC 6749 §4.1.2.1); otherwise it is shown to the user
 * ({@code redirect} is null) and never redirected.
 */
public final class AuthorizeError extends RuntimeException {

    private final transient URI redirect;

    public AuthorizeError(String message, URI redirect) {
        super(message, null, false, false);
        this.redirect = redirect;
    }

    /** Where to send the browser, or null to show an error page. */
    public URI redirect() {
        return redirect;
    }
}
