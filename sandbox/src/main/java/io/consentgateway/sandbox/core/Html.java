package io.consentgateway.sandbox.core;

/**
 * Minimal server-side HTML: escaping and the page shell shared by the nrich widget and the bank's
 * consent page. No external assets: the CSS is inline, so the pages work offline.
 */
public final class Html {

    private Html() {
    }

    /** Escapes text for an element body or a double-quoted attribute value. */
    public static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The page's heading: the provider's one-letter logo, {@code title} (escaped here) and the "Sandbox" badge that
     * tells a user no real bank is involved.
     */
    public static String header(char logo, String title) {
        return "<header><span class=\"logo\" aria-hidden=\"true\">" + escape(String.valueOf(logo)) + "</span><h1>"
                + escape(title) + "</h1><span class=\"sandbox\">Sandbox</span></header>\n";
    }

    /** Appends one line of the page's summary list: {@code label} and {@code value}, both escaped here. */
    public static void row(StringBuilder body, String label, String value) {
        body.append("<dt>").append(escape(label)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    /**
     * A complete page. {@code title} is escaped here; {@code body} must already be safe HTML
     * (built with {@link #escape}).
     */
    public static String page(String lang, boolean rightToLeft, String title, String accent, String body) {
        return """
                <!DOCTYPE html>
                <html lang="%s" dir="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%s</title>
                <style>
                :root { --accent: %s; --ink: #1d2330; --muted: #5d6678; --line: #e3e6ee; }
                * { box-sizing: border-box; }
                body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center;
                       font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
                       background: linear-gradient(160deg, #f4f6fb 0%%, #e8ecf6 100%%); }
                main { width: min(440px, 94vw); background: #fff; border-radius: 16px; padding: 28px 28px 22px;
                       box-shadow: 0 12px 40px rgba(29, 35, 48, .12); }
                header { display: flex; align-items: center; gap: 10px; margin-bottom: 6px; }
                .logo { width: 34px; height: 34px; border-radius: 10px; background: var(--accent); color: #fff;
                        display: grid; place-items: center; font-weight: 700; }
                h1 { font-size: 1.25rem; margin: 0; }
                .sandbox { margin-left: auto; font-size: .72rem; letter-spacing: .06em; text-transform: uppercase;
                           color: #8a5a00; background: #fff4d6; border-radius: 999px; padding: 2px 10px; }
                p.lead { color: var(--muted); margin: 4px 0 18px; }
                dl { display: grid; grid-template-columns: auto 1fr; gap: 4px 14px; margin: 0 0 18px;
                     padding: 12px 14px; background: #f7f8fb; border-radius: 10px; font-size: .9rem; }
                dt { color: var(--muted); } dd { margin: 0; word-break: break-all; }
                fieldset { border: 0; padding: 0; margin: 0 0 18px; }
                legend { font-weight: 600; margin-bottom: 8px; }
                label.bank { display: flex; align-items: center; gap: 10px; padding: 10px 12px; margin-bottom: 8px;
                             border: 1px solid var(--line); border-radius: 10px; cursor: pointer; }
                label.bank:hover { border-color: var(--accent); }
                label.bank small { color: var(--muted); margin-left: auto; }
                label.field { display: block; font-weight: 600; margin-bottom: 6px; }
                input[type=text] { width: 100%%; padding: 10px 12px; border: 1px solid var(--line); border-radius: 10px; font: inherit; }
                .actions { display: flex; gap: 10px; margin-top: 8px; }
                button { flex: 1; font: inherit; font-weight: 600; padding: 11px 14px; border-radius: 10px; cursor: pointer;
                         border: 1px solid var(--line); background: #fff; color: var(--ink); }
                button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
                button:focus-visible { outline: 3px solid rgba(0, 0, 0, .25); outline-offset: 2px; }
                .error { color: #a11; background: #fdecec; border-radius: 10px; padding: 8px 12px; margin-bottom: 14px; }
                footer { margin-top: 18px; font-size: .75rem; color: var(--muted); text-align: center; }
                </style>
                </head>
                <body>
                <main>
                %s
                <footer>Simulated provider &middot; no real bank is contacted &middot; Consent Gateway sandbox</footer>
                </main>
                </body>
                </html>
                """.formatted(escape(lang), rightToLeft ? "rtl" : "ltr", escape(title), accent, body);
    }
}
