package io.consentgateway.sandbox.nrich;

import io.consentgateway.sandbox.core.Html;
import io.consentgateway.sandbox.nrich.NrichSimulator.WidgetView;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Renders the simulated nrich widget: the flow's options, a bank picker (skipped when an account
 * is prefilled) and the Approve / Cancel buttons. Everything shown is HTML-escaped.
 * <p>
 * Stable hooks for browser tests: the form posts {@code action=approve|cancel}; buttons have ids
 * {@code approve} and {@code cancel}; the bank radio group is named {@code bank}.
 */
public final class WidgetPage {

    private static final String ACCENT = "#0f7b6c";

    /** The page's texts: {@code widget.properties} (English) and one file per other language ({@code widget_de}). */
    private static final String TEXTS = "io.consentgateway.sandbox.nrich.widget";



    private WidgetPage() {
    }

    /** The widget for a flow waiting for its user; {@code error} (may be null) is shown above the form. */
    public static String render(WidgetView view, String error) {
        FlowRequest r = view.request();
        ResourceBundle t = texts(r.language());
        StringBuilder body = new StringBuilder();
        body.append(Html.header('n', t.getString("title")));
        body.append("<p class=\"lead\">").append(Html.escape(t.getString("lead"))).append("</p>\n");
        if (error != null) {
            body.append("<div class=\"error\" role=\"alert\">").append(Html.escape(error)).append("</div>\n");
        }
        body.append("<dl>\n");
        Html.row(body, t.getString("access"), t.getString("kind." + r.kind().name()));
        Html.row(body, t.getString("language"), r.language());
        if (r.userId() != null) {
            Html.row(body, t.getString("user"), r.userId());
        }
        if (r.syncPeriod() != null) {
            Html.row(body, t.getString("history"), r.syncPeriod() + " " + t.getString("days"));
        }
        if (r.reportingPeriod() != null) {
            Html.row(body, t.getString("report"), r.reportingPeriod() + " " + t.getString("months"));
        }
        Html.row(body, t.getString("multi"), t.getString("multi." + r.allowMultiSelection()));
        for (String account : r.accounts()) {
            Html.row(body, t.getString("accounts"), account + " (" + t.getString("skipped") + ")");
        }
        body.append("</dl>\n");
        body.append("<form method=\"post\" id=\"widget\">\n");
        if (!r.skipsBankSelection()) {
            body.append("<fieldset><legend>").append(Html.escape(t.getString("choose"))).append("</legend>\n");
            boolean first = true;
            for (String bank : view.banks()) {
                body.append("<label class=\"bank\"><input type=\"radio\" name=\"bank\" value=\"")
                        .append(Html.escape(bank)).append('"').append(first ? " checked" : "").append("> ")
                        .append(Html.escape(bank)).append("<small>Sandbox</small></label>\n");
                first = false;
            }
            body.append("</fieldset>\n");
        }
        body.append("<div class=\"actions\">\n")
                .append("<button type=\"submit\" id=\"cancel\" name=\"action\" value=\"cancel\">")
                .append(Html.escape(t.getString("cancel"))).append("</button>\n")
                .append("<button type=\"submit\" id=\"approve\" name=\"action\" value=\"approve\" class=\"primary\">")
                .append(Html.escape(t.getString("approve"))).append("</button>\n")
                .append("</div>\n</form>");
        return Html.page(r.language(), "ar".equals(r.language()), "nrich – " + t.getString("title"), ACCENT, body.toString());
    }

    /** The page for an unknown, answered or expired flow. */
    public static String gone() {
        ResourceBundle t = texts("en");
        String body = Html.header('n', t.getString("gone.title"))
                + "<p class=\"lead\">" + Html.escape(t.getString("gone.lead")) + "</p>";
        return Html.page("en", false, "nrich – " + t.getString("gone.title"), ACCENT, body);
    }

    /** The texts in {@code language}, else in English; never those of the machine's default locale. */
    private static ResourceBundle texts(String language) {
        return ResourceBundle.getBundle(TEXTS, Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
