package io.consentgateway.adapter.kit;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A copy of an unexpected failure, fit for the log: the same exception types (named at the start of each message),
 * stack frames, causes and suppressed failures, with every message cleared of what may be a secret. An exception from
 * deep inside may quote what it was given: a request URI with a callback's {@code code} and {@code state}
 * ({@code URI.create} does), a header, a token. The log keeps where it happened and of what type; the values stay out.
 *
 * <p>Cleared: the query of any URI ({@code ?…}), a {@code Bearer}/{@code Basic} credential, anything shaped like a JWT,
 * and the value of every {@code name=value} or {@code name: value} whose name says code, state, token, secret, password,
 * confirmation or authorization (but a database's "SQL state" and "error code", which say what went wrong and are no
 * secret). This is a second line of defence: the first is that no code of this project puts a
 * secret into an exception's message.
 */
public final class LoggedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_DEPTH = 16;

    private static final Pattern QUERY = Pattern.compile("\\?[^\\s\"'<>\\]]*");
    private static final Pattern CREDENTIAL = Pattern.compile("(?i)\\b(Bearer|Basic)\\s+[A-Za-z0-9._~+/=-]+");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(?i)(?<!SQL )(?<!error )\\b(code|state|[a-z_-]*token|[a-z_-]*secret|password|confirmation|authorization)"
                    + "(\"?\\s*[=:]\\s*\"?)[^\\s&,;\"'}\\]]+");

    private LoggedFailure(String message) {
        super(message);
    }

    /** The copy of {@code failure} to log; its causes and suppressed failures copied alike. */
    public static Throwable of(Throwable failure) {
        return copy(failure, new IdentityHashMap<>(), 0);
    }

    /** {@code text} with every value that may be a secret replaced by {@code ***} (a query by {@code ?…}). */
    public static String cleared(String text) {
        if (text == null) {
            return null;
        }
        String cleared = QUERY.matcher(text).replaceAll("?…");
        cleared = CREDENTIAL.matcher(cleared).replaceAll("$1 ***");
        cleared = JWT.matcher(cleared).replaceAll("***");
        return SECRET_VALUE.matcher(cleared).replaceAll("$1$2***");
    }

    private static LoggedFailure copy(Throwable failure, Map<Throwable, LoggedFailure> copied, int depth) {
        LoggedFailure known = copied.get(failure);
        if (known != null) {
            return known;
        }
        String message = cleared(failure.getMessage());
        LoggedFailure copy = new LoggedFailure(failure.getClass().getName() + (message == null ? "" : ": " + message));
        copied.put(failure, copy);
        copy.setStackTrace(failure.getStackTrace());
        if (depth < MAX_DEPTH) {
            if (failure.getCause() != null) {
                copy.initCause(copy(failure.getCause(), copied, depth + 1));
            }
            for (Throwable suppressed : failure.getSuppressed()) {
                copy.addSuppressed(copy(suppressed, copied, depth + 1));
            }
        }
        return copy;
    }

    /** The original's type and cleared message, so a printed stack trace reads as the original's would. */
    @Override
    public String toString() {
        return getMessage();
    }
}
