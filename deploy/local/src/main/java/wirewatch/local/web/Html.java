package wirewatch.local.web;

/** Escaping and the page frame shared by the inbox and the webhook pages. */
public final class Html {

    private Html() {
    }

    /** Escapes text for element content and for quoted attribute values. {@code null} becomes the empty string. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A whole page; {@code title} is escaped here, {@code body} must already be safe HTML. */
    public static String page(String title, String body) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Wirewatch local</title>
                <style>
                  body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1d2330; background: #f6f7f9; }
                  header { background: #1d2330; color: #fff; padding: .6rem 1.2rem; display: flex; gap: 1.2rem; }
                  header a { color: #cfe0ff; text-decoration: none; }
                  header strong { margin-right: 1rem; }
                  main { padding: 1rem 1.2rem; max-width: 1100px; }
                  table { border-collapse: collapse; width: 100%%; background: #fff; }
                  th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #e3e6ea; vertical-align: top; }
                  th { background: #eef1f5; }
                  pre { background: #fff; border: 1px solid #e3e6ea; padding: .6rem; overflow: auto; white-space: pre-wrap; }
                  iframe { width: 100%%; height: 32rem; border: 1px solid #e3e6ea; background: #fff; }
                  .ok { color: #127a2c; font-weight: bold; } .bad { color: #b3261e; font-weight: bold; }
                  .muted { color: #6b7280; }
                </style>
                </head>
                <body>
                <header><strong>Wirewatch local</strong><a href="/">Inbox</a><a href="/webhooks">Webhooks</a></header>
                <main>
                <h1>%s</h1>
                %s
                </main>
                </body>
                </html>
                """.formatted(escape(title), escape(title), body);
    }
}
