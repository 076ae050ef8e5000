package io.consentgateway.application.port.in;

/** Another request changed the same resource at the same moment: nothing was overwritten, and the request may be repeated. */
public class ChangedMeanwhile extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChangedMeanwhile(String message) {
        super(message);
    }
}
