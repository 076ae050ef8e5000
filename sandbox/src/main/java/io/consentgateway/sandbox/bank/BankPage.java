package io.consentgateway.sandbox.bank;

import io.consentgateway.sandbox.core.Html;
import java.net.URI;

/**
 * The bank's consent page: who asks, for what, a login name, and Approve / Deny. The form posts
 * {@code action=approve|deny} and {@code user} back to the same URL. Buttons have ids
 * {@code approve} and {@code deny}; the login field is named {@code user}.
 */
public final class BankPage {

    private static final String ACCENT = "#1b3f8f";

    private BankPage() {
    }

    public static String consent(AuthorizeRequest request, String user, String error) {
        StringBuilder body = new StringBuilder();
        body.append(Html.header('B', "Authorize account access"));
        body.append("<p class=\"lead\">An application asks to read your accounts, balances and transaction history.</p>\n");
        if (error != null) {
            body.append("<div class=\"error\" role=\"alert\">").append(Html.escape(error)).append("</div>\n");
        }
        body.append("<dl>\n");
        Html.row(body, "Application", request.clientId());
        Html.row(body, "Access", request.scope() + " (account information, read only)");
        Html.row(body, "Returns to", hostOf(request.redirectUri()));
        Html.row(body, "Valid for", "90 days");
        Html.row(body, "PKCE", request.codeChallenge() == null ? "not used" : "S256");
        body.append("</dl>\n");
        body.append("<form method=\"post\" id=\"consent\">\n")
                .append("<label class=\"field\" for=\"user\">Internet banking login</label>\n")
                .append("<input type=\"text\" id=\"user\" name=\"user\" value=\"").append(Html.escape(user))
                .append("\" maxlength=\"64\" autocomplete=\"username\">\n")
                .append("<div class=\"actions\" style=\"margin-top:16px\">\n")
                .append("<button type=\"submit\" id=\"deny\" name=\"action\" value=\"deny\">Deny</button>\n")
                .append("<button type=\"submit\" id=\"approve\" name=\"action\" value=\"approve\" class=\"primary\">Approve</button>\n")
                .append("</div>\n</form>");
        return Html.page("en", false, "Bank – Authorize access", ACCENT, body.toString());
    }

    public static String error(String message) {
        String body = Html.header('B', "Request refused")
                + "<p class=\"lead\">The authorization request is invalid and cannot be returned to the application."
                + "</p>\n"
                + "<div class=\"error\" role=\"alert\">"
                + Html.escape(message) + "</div>";
        return Html.page("en", false, "Bank – Request refused", ACCENT, body);
    }

    private static String hostOf(String uri) {
        try {
            return URI.create(uri).getAuthority();
        } catch (IllegalArgumentException e) {
            return uri;
        }
    }
}
