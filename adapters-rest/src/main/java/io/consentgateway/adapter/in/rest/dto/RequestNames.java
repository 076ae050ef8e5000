package io.consentgateway.adapter.in.rest.dto;

import io.consentgateway.application.port.in.Fields;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * How a request's names that the API does not have (a body's fields, a query's parameters) are told to the client:
 * each plain one by its name, so that a misspelling is found at once; any other one without repeating it, because a
 * name of any other characters could carry markup or a line break back to the client.
 */
public final class RequestNames {
    /** A name that is repeated in an error: letters, digits, {@code _}, {@code -} and {@code .}, at most 64. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private RequestNames() {
    }

    /** Whether {@code name} may be repeated in an error. */
    private static boolean isPlain(String name) {
        return PLAIN_NAME.matcher(name).matches();
    }

    /**
     * Records one error for each of {@code unknown} (sorted by the caller), under its own name when it is plain and
     * under {@code request} for all the others together.
     *
     * @param kind what a name is in this request, e.g. {@code field} or {@code query parameter}
     */
    public static void rejectUnknown(Fields fields, Collection<String> unknown, String kind) {
        unknown.stream().filter(RequestNames::isPlain)
                .forEach(name -> fields.reject(name, "is not a " + kind + " of this request"));
        if (unknown.stream().anyMatch(name -> !isPlain(name))) {
            fields.reject("request", "has a " + kind + " this request does not have, named with other characters than "
                    + "letters, digits, '_', '-' and '.' or longer than 64");
        }
    }
}
