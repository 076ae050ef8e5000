package io.consentgateway.sandbox.nrich;

import io.consentgateway.sandbox.core.Html;
import io.consentgateway.sandbox.nrich.NrichSimulator.WidgetView;
import java.util.Map;

/**
 * Renders the simulated nrich widget: the flow's options, a bank picker (skipped when an account
 * is prefilled) and the Approve / Cancel buttons. Everything shown is HTML-escaped.
 * <p>
 * Stable hooks for browser tests: the form posts {@code action=approve|cancel}; buttons have ids
 * {@code approve} and {@code cancel}; the bank radio group is named {@code bank}.
 */
public final class WidgetPage {

    private static final String ACCENT = "#0f7b6c";

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("title", "Connect your bank account"),
            Map.entry("lead", "Your app asks for read access to your accounts, balances and transactions."),
            Map.entry("kind.ONGOING_ACCESS", "Ongoing access"),
            Map.entry("kind.ONE_TIME_ACCESS", "One-time access"),
            Map.entry("kind.INCOME_REPORT", "Income report"),
            Map.entry("kind.ONGOING_SYNC", "Renew ongoing access"),
            Map.entry("access", "Access"), Map.entry("language", "Language"), Map.entry("user", "User"),
            Map.entry("history", "History"), Map.entry("days", "days"), Map.entry("months", "months"),
            Map.entry("report", "Report period"), Map.entry("accounts", "Account"),
            Map.entry("skipped", "prefilled: bank selection skipped"),
            Map.entry("multi", "Accounts"), Map.entry("multi.true", "you may choose several"),
            Map.entry("multi.false", "one account only"),
            Map.entry("choose", "Choose your bank"), Map.entry("approve", "Approve"), Map.entry("cancel", "Cancel"),
            Map.entry("gone.title", "This link is no longer valid"),
            Map.entry("gone.lead", "The connection was already completed, cancelled or has expired. Please start again from your app."));

    private static final Map<String, String> DE = Map.ofEntries(
            Map.entry("title", "Bankkonto verbinden"),
            Map.entry("lead", "Ihre App bittet um Lesezugriff auf Konten, Salden und Umsätze."),
            Map.entry("kind.ONGOING_ACCESS", "Dauerhafter Zugriff"),
            Map.entry("kind.ONE_TIME_ACCESS", "Einmaliger Zugriff"),
            Map.entry("kind.INCOME_REPORT", "Einkommensnachweis"),
            Map.entry("kind.ONGOING_SYNC", "Zugriff erneuern"),
            Map.entry("access", "Zugriff"), Map.entry("language", "Sprache"), Map.entry("user", "Nutzer"),
            Map.entry("history", "Historie"), Map.entry("days", "Tage"), Map.entry("months", "Monate"),
            Map.entry("report", "Berichtszeitraum"), Map.entry("accounts", "Konto"),
            Map.entry("skipped", "vorausgefüllt: Bankauswahl übersprungen"),
            Map.entry("multi", "Konten"), Map.entry("multi.true", "Mehrfachauswahl möglich"),
            Map.entry("multi.false", "nur ein Konto"),
            Map.entry("choose", "Wählen Sie Ihre Bank"), Map.entry("approve", "Zustimmen"), Map.entry("cancel", "Abbrechen"),
            Map.entry("gone.title", "Dieser Link ist nicht mehr gültig"),
            Map.entry("gone.lead", "Die Verbindung wurde bereits abgeschlossen, abgebrochen oder ist abgelaufen. Bitte starten Sie erneut in Ihrer App."));

    private WidgetPage() {
    }

    /** The widget for a flow waiting for its user; {@code error} (may be null) is shown above the form. */
    public static String render(WidgetView view, String error) {
        FlowRequest r = view.request();
        Map<String, String> t = texts(r.language());
        StringBuilder body = new StringBuilder();
        body.append(header(t.get("title")));
        body.append("<p class=\"lead\">").append(Html.escape(t.get("lead"))).append("</p>\n");
        if (error != null) {
            body.append("<div class=\"error\" role=\"alert\">").append(Html.escape(error)).append("</div>\n");
        }
        body.append("<dl>\n");
        row(body, t.get("access"), t.get("kind." + r.kind().name()));
        row(body, t.get("language"), r.language());
        if (r.userId() != null) {
            row(body, t.get("user"), r.userId());
        }
        if (r.syncPeriod() != null) {
            row(body, t.get("history"), r.syncPeriod() + " " + t.get("days"));
        }
        if (r.reportingPeriod() != null) {
            row(body, t.get("report"), r.reportingPeriod() + " " + t.get("months"));
        }
        row(body, t.get("multi"), t.get("multi." + r.allowMultiSelection()));
        for (String account : r.accounts()) {
            row(body, t.get("accounts"), account + " (" + t.get("skipped") + ")");
        }
        body.append("</dl>\n");
        body.append("<form method=\"post\" id=\"widget\">\n");
        if (!r.skipsBankSelection()) {
            body.append("<fieldset><legend>").append(Html.escape(t.get("choose"))).append("</legend>\n");
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
                .append(Html.escape(t.get("cancel"))).append("</button>\n")
                .append("<button type=\"submit\" id=\"approve\" name=\"action\" value=\"approve\" class=\"primary\">")
                .append(Html.escape(t.get("approve"))).append("</button>\n")
                .append("</div>\n</form>");
        return Html.page(r.language(), "ar".equals(r.language()), "nrich – " + t.get("title"), ACCENT, body.toString());
    }

    /** The page for an unknown, answered or expired flow. */
    public static String gone() {
        Map<String, String> t = EN;
        String body = header(t.get("gone.title")) + "<p class=\"lead\">" + Html.escape(t.get("gone.lead")) + "</p>";
        return Html.page("en", false, "nrich – " + t.get("gone.title"), ACCENT, body);
    }

    private static String header(String title) {
        return "<header><span class=\"logo\" aria-hidden=\"true\">n</span><h1>" + Html.escape(title)
                + "</h1><span class=\"sandbox\">Sandbox</span></header>\n";
    }

    private static void row(StringBuilder body, String label, String value) {
        body.append("<dt>").append(Html.escape(label)).append("</dt><dd>").append(Html.escape(value)).append("</dd>\n");
    }

    private static Map<String, String> texts(String language) {
        return "de".equals(language) ? DE : EN;
    }
}
