package dev.cairn.actuate;

import java.util.List;


/**
 * The migrations page: one self-contained HTML document, its style and its few lines of script inline, built from
 * {@link PageSection sections}. It refreshes itself: the script fetches the page again and swaps its content, so
 * the reader keeps the scroll position; without JavaScript the browser reloads it.
 */
final class MigrationsPage {

    /** How often the page refreshes itself. */
    static final int REFRESH_SECONDS = 5;

    private static final String STYLE = """
            :root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #f6f8fa; --card: #fff;
              --line: #d1d9e0; --applied: #1a7f37; --pending: #0969da; --failed: #cf222e; --interrupted: #bc4c00;
              --future: #8250df; --missing: #6e7781; --baseline: #1b7c83; --below-baseline: #8c959f; }
            @media (prefers-color-scheme: dark) {
              :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --card: #151b23; --line: #3d444d; } }
            * { box-sizing: border-box; }
            body { margin: 0; padding: 24px; color: var(--fg); background: var(--bg);
              font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif; }
            main, .stale { max-width: 1240px; margin: 0 auto; }
            h1 { margin: 0; font-size: 22px; } h2 { margin: 0 0 10px; font-size: 16px; }
            h3 { margin: 12px 0 4px; font-size: 14px; }
            header.summary, section { margin-bottom: 16px; padding: 16px 20px; background: var(--card);
              border: 1px solid var(--line); border-left: 6px solid var(--accent, var(--line)); border-radius: 8px; }
            header.summary { display: grid; grid-template-columns: auto 1fr; gap: 4px 20px; align-items: center; }
            .schema-up { --accent: var(--applied); } .schema-pending, .schema-migrating { --accent: var(--pending); }
            .schema-failed, section.failure { --accent: var(--failed); }
            .schema p { margin: 0; }
            .badge { padding: 2px 12px; border-radius: 999px; color: #fff; background: var(--accent); font-weight: 600;
              letter-spacing: .04em; }
            .health, small, .repeatable, footer, thead th, .legend { color: var(--muted); }
            .verdict, .counts { grid-column: 1 / -1; margin: 4px 0 0; }
            .verdict { font-size: 15px; }
            .counts { display: flex; gap: 36px; }
            .counts dt, thead th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
            .counts dd { margin: 0; font-size: 20px; font-weight: 600; font-variant-numeric: tabular-nums; }
            pre, code { font: 12.5px/1.45 ui-monospace, "DejaVu Sans Mono", monospace; }
            pre { margin: 0; padding: 10px 12px; white-space: pre-wrap; overflow-wrap: anywhere; background: var(--bg);
              border-radius: 6px; }
            .action { margin: 0; }
            table { width: 100%; border-collapse: collapse; }
            th, td { padding: 6px 8px; text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); }
            .version, .installed-on, .duration { white-space: nowrap; font-variant-numeric: tabular-nums; }
            .state { display: inline-block; padding: 1px 8px; border-radius: 999px; color: #fff;
              background: var(--state); font-size: 12px; font-weight: 600; white-space: nowrap; }
            .state-applied { --state: var(--applied); } .state-pending { --state: var(--pending); }
            .state-failed { --state: var(--failed); } .state-interrupted { --state: var(--interrupted); }
            .state-future { --state: var(--future); } .state-missing { --state: var(--missing); }
            .state-baseline { --state: var(--baseline); } .state-below-baseline { --state: var(--below-baseline); }
            tr[data-state="FAILED"] td, tr[data-state="INTERRUPTED"] td, tr.advice td {
              background: color-mix(in srgb, var(--failed) 7%, transparent); }
            tr.advice td { padding: 4px 8px 10px 24px; border-left: 3px solid var(--failed); }
            tbody.pending td { color: var(--muted); background: color-mix(in srgb, var(--pending) 5%, transparent); }
            tbody.pending tr.group th { padding-top: 20px; color: var(--pending);
              border-bottom: 2px dashed var(--pending); }
            .legend { display: flex; flex-wrap: wrap; gap: 6px 20px; margin: 14px 0 0; font-size: 12px; }
            .legend div { display: flex; gap: 6px; align-items: center; } .legend dd { margin: 0; }
            .stale { margin-bottom: 12px; padding: 8px 12px; color: #3b2300; background: #fff8c5;
              border: 1px solid #d4a72c; border-radius: 6px; }
            footer { font-size: 12px; }
            """;

    // Fetches the page again and swaps <main>, rather than reloading it, so that the reader keeps the scroll
    // position and, while the application restarts, still sees the last page with a note instead of an error.
    private static final String SCRIPT = """
            (() => {
              const stale = document.getElementById('stale');
              async function refresh() {
                if (!document.hidden) {
                  try {
                    const response = await fetch(location.href,
                      { headers: { Accept: 'text/html' }, cache: 'no-store' });
                    if (!response.ok) {
                      throw new Error('HTTP ' + response.status);
                    }
                    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
                    const main = page.querySelector('main');
                    if (!main) {
                      throw new Error('the answer is not the migrations page');
                    }
                    document.querySelector('main').replaceWith(main);
                    document.title = page.title;
                    stale.hidden = true;
                  }
                  catch (error) {
                    stale.textContent = 'Could not refresh (' + error.message + '): this is the page as it was.'
                      + ' Trying again.';
                    stale.hidden = false;
                  }
                }
                setTimeout(refresh, EVERY);
              }
              setTimeout(refresh, EVERY);
            })();
            """.replace("EVERY", String.valueOf(REFRESH_SECONDS * 1000));

    private final List<PageSection> sections;

    MigrationsPage() {
        this(List.of(new SummarySection(), new FailureSection(), new TimelineSection()));
    }

    MigrationsPage(List<PageSection> sections) {
        this.sections = List.copyOf(sections);
    }

    /**
     * The page for what the overview says.
     * @param overview the migrations and what the runner is doing
     * @return the HTML document
     */
    String render(MigrationsOverview overview) {
        Html html = new Html();
        html.markup("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .markup("<noscript><meta http-equiv=\"refresh\" content=\"" + REFRESH_SECONDS + "\"></noscript>\n")
            .markup("<title>")
            .text(title(overview))
            .markup("</title>\n<style>\n")
            .markup(STYLE)
            .markup("</style>\n</head>\n<body>\n<p class=\"stale\" id=\"stale\" hidden></p>\n<main>\n");
        this.sections.forEach((section) -> section.write(overview, html));
        html.markup("<footer id=\"read-at\">Read at ")
            .text(TimelineSection.utc(overview.takenAt()))
            .markup("; refreshes every " + REFRESH_SECONDS + " seconds. The same address answers JSON to")
            .markup(" <code>curl</code> and to <code>Accept: application/json</code>.</footer>\n</main>\n<script>\n")
            .markup(SCRIPT)
            .markup("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String title(MigrationsOverview overview) {
        SchemaState schema = overview.schema();
        String current = overview.migrations().currentVersion();
        return "Migrations: " + schema + ((current != null) ? " at version " + current : "");
    }

}
