package io.consentgateway.application.port.out;

/**
 * The gateway's own store could not be reached: no connection could be had (the database is down, refuses
 * connections, or every pooled connection is taken) or the one in use broke. The transaction the call was part of did
 * not commit, so nothing it would have written is stored; the call may be repeated once the store is back.
 */
public class StoreUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailable(String message) {
        super(message);
    }
}
