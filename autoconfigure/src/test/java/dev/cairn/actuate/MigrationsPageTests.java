package dev.cairn.actuate;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.cairn.MigrationFailedException;
import dev.cairn.MigrationState;
import dev.cairn.ResolvedMigration;
import dev.cairn.Version;
import dev.cairn.actuate.MigrationsEndpoint.MigrationDescriptor;
import dev.cairn.actuate.MigrationsEndpoint.MigrationsDescriptor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the migrations page as HTML: what it shows for each state, the failure, the pending migrations, and that
 * no value reaches it unescaped.
 */
class MigrationsPageTests {

    private static final Instant NOW = Instant.parse("2026-11-27T08:46:50.512Z");

    private final MigrationsPage page = new MigrationsPage();

    @Test
    void showsEveryMigrationWithItsStateInItsColour() {
        List<MigrationDescriptor> migrations = new ArrayList<>();
        int version = 1;
        for (MigrationState state : MigrationState.values()) {
            migrations.add(migration(String.valueOf(version++), "In state " + state, state));
        }
        String html = render(overview("4", migrations));

        for (MigrationState state : MigrationState.values()) {
            String css = TimelineSection.cssName(state);
            assertThat(html).contains("data-state=\"" + state + "\"")
                .contains("<span class=\"state state-" + css + "\" title=\"" + TimelineSection.MEANINGS.get(state)
                        + "\">" + state + "</span>")
                .as("a colour for " + state)
                .containsPattern("\\.state-" + css + " \\{ --state: var\\(--" + css + "\\); }")
                .containsPattern("--" + css + ": #[0-9a-f]{6};");
        }
    }

    @Test
    void showsWhenByWhomAndHowLongEachMigrationRan() {
        MigrationDescriptor applied = new MigrationDescriptor("1.2", "Create users", "SQL", "V1_2__create_users.sql",
                MigrationState.APPLIED, Instant.parse("2026-11-27T08:46:49.153Z"), "app_owner", 1520L, 42, false, null);
        String html = render(overview("1.2", List.of(applied)));

        assertThat(html).contains("<td class=\"version\">1.2</td><td class=\"description\">Create users</td>"
                + "<td class=\"type\">SQL</td><td class=\"script\"><code>V1_2__create_users.sql</code></td>")
            .contains("<time datetime=\"2026-11-27T08:46:49.153Z\">2026-11-27T08:46:49Z</time>")
            .contains("<td class=\"installed-by\">app_owner</td><td class=\"duration\">1.5 s</td>");
        assertThat(TimelineSection.duration(7L)).isEqualTo("7 ms");
        assertThat(TimelineSection.duration(125_000L)).isEqualTo("2 min 5 s");
        assertThat(TimelineSection.duration(3_725_000L)).isEqualTo("1 h 2 min");
        assertThat(TimelineSection.duration(null)).isEmpty();
    }

    @Test
    void escapesEveryValue() {
        String hostile = "<script>alert('x')</script> & \"quoted\"";
        MigrationDescriptor migration = new MigrationDescriptor("1", hostile, hostile, hostile,
                MigrationState.APPLIED, NOW, hostile, 1L, null, false, null);
        MigrationDescriptor repeatable = new MigrationDescriptor(null, hostile, "SQL", null, MigrationState.PENDING,
                null, null, null, null, false, null);
        MigrationFailedException failure = failure("2", hostile, hostile, 3);
        String html = render(new MigrationsOverview(new MigrationsDescriptor("1", List.of(migration, repeatable)),
                false, failure, null, NOW));

        assertThat(html).doesNotContain(hostile)
            .doesNotContain("<script>alert")
            .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;")
            .contains("data-version=\"R &lt;script&gt;");
        assertThat(html.split("<script", -1)).as("only the page's own script").hasSize(2);
    }

    @Test
    void showsTheLastFailureAndWhatToDo() {
        MigrationDescriptor failed = migration("6", "import todos", MigrationState.FAILED);
        MigrationFailedException failure = failure("6", "import todos",
                "INSERT INTO todos SELECT * FROM imported_todos", 5);
        String html = render(new MigrationsOverview(
                new MigrationsDescriptor("5", List.of(migration("5", "index todos", MigrationState.APPLIED), failed)),
                false, failure, null, NOW));

        assertThat(html).contains("<title>Migrations: FAILED at version 5</title>")
            .contains("<span class=\"badge\" id=\"schema\">FAILED</span> <span class=\"health\">health DOWN</span>")
            .contains("The last migrate failed in migration 6: nothing after it runs until it is fixed.")
            .contains("<section class=\"failure\" id=\"failure\"><h2>The last migrate failed</h2>"
                    + "<pre class=\"message\">Migration 6 &quot;import todos&quot;"
                    + " (classpath:db/migration/V6__import_todos.sql) failed in up() at line 5:"
                    + " SQLException: no such table: imported_todos\n"
                    + "  Statement: INSERT INTO todos SELECT * FROM imported_todos\n")
            .contains("<p class=\"action\">Fix migration 6 (classpath:db/migration/V6__import_todos.sql) and start the"
                    + " application again; it will be retried.</p>")
            .contains("<tr class=\"advice\"><td colspan=\"8\">The last migrate failed here, as told above. Fix"
                    + " migration 6");
    }

    @Test
    void tellsWhatToDoAboutRecordedFailuresAndInterruptions() {
        MigrationDescriptor failed = new MigrationDescriptor("2", "Create broken", "JAVA", null,
                MigrationState.FAILED, NOW, "root", null, null, false, null);
        MigrationDescriptor interrupted = new MigrationDescriptor("3", "Create slowly", "JAVA", null,
                MigrationState.INTERRUPTED, Instant.parse("2026-11-27T08:39:04.221Z"), "root", null, null, false, null);
        String html = render(overview("1", List.of(migration("1", "Create users", MigrationState.APPLIED), failed,
                interrupted)));

        assertThat(html).doesNotContain("id=\"failure\"")
            .contains("2 migrations are FAILED or INTERRUPTED: nothing runs until they are repaired.")
            .containsPattern("data-version=\"2\".*\n<tr class=\"advice\"><td colspan=\"8\">Recorded as failed: it may"
                    + " have left changes behind.*repair with POST /actuator/migrations .* or"
                    + " MigrationRunner.repair\\(\\), fix the migration and start again.</td></tr>")
            .containsPattern("data-version=\"3\".*\n<tr class=\"advice\"><td colspan=\"8\">Started at"
                    + " 2026-11-27T08:39:04Z and never finished: the process applying it died, or another instance is"
                    + " applying it now.*MigrationRunner.repair\\(\\); it runs again on the next migrate.</td></tr>");
    }

    @Test
    void setsPendingMigrationsApart() {
        String html = render(new MigrationsOverview(new MigrationsDescriptor("1",
                List.of(migration("1", "Create users", MigrationState.APPLIED),
                        migration("2", "Create todos", MigrationState.PENDING),
                        migration("3", "Add priority", MigrationState.PENDING))),
                false, null, Version.parse("2"), NOW));

        assertThat(html).contains("<span class=\"badge\" id=\"schema\">PENDING</span> <span class=\"health\">health"
                + " OUT_OF_SERVICE</span>")
            .contains("1 migration pending: the next migrate applies it.")
            .contains("<dt>Pending</dt><dd>1</dd>");
        String recorded = between(html, "<tbody class=\"recorded\">", "</tbody>");
        String pending = between(html, "<tbody class=\"pending\">", "</tbody>");
        assertThat(recorded).contains("data-version=\"1\"").doesNotContain("data-version=\"2\"");
        assertThat(pending)
            .contains("<th colspan=\"8\">Pending: the next migrate applies 1 of these, up to cairn.target 2</th>")
            .contains("data-version=\"2\"")
            .containsPattern("data-version=\"3\".*PENDING</span> <small>above cairn.target</small>");
    }

    @Test
    void saysWhereTheSchemaStandsAsTheHealthIndicatorDoes() {
        List<MigrationDescriptor> applied = List.of(migration("1", "Create users", MigrationState.APPLIED));
        assertThat(render(overview("1", applied))).contains("<title>Migrations: UP at version 1</title>")
            .contains("health UP")
            .contains("Up to date at version 1.");
        assertThat(render(new MigrationsOverview(new MigrationsDescriptor("1", applied), true, null, null, NOW)))
            .contains("id=\"schema\">MIGRATING</span> <span class=\"health\">health OUT_OF_SERVICE")
            .contains("Migrating now.");
        assertThat(render(overview(null, List.of()))).contains("<title>Migrations: UP</title>")
            .contains("Up to date: nothing is applied and nothing is pending.")
            .contains("<dt>Current version</dt><dd>none</dd>")
            .contains("No migrations: the application has none and the history table records none.");
    }

    @Test
    void refreshesItselfWithNothingFromElsewhere() {
        String html = render(overview("1", List.of(migration("1", "Create users", MigrationState.APPLIED))));

        assertThat(html).contains("<noscript><meta http-equiv=\"refresh\" content=\"5\"></noscript>")
            .contains("fetch(location.href,\n")
            .contains("{ headers: { Accept: 'text/html' }, cache: 'no-store' }")
            .contains("setTimeout(refresh, 5000)")
            .contains("<footer id=\"read-at\">Read at 2026-11-27T08:46:50Z; refreshes every 5 seconds.")
            .doesNotContain("src=")
            .doesNotContain("href=")
            .doesNotContain("@import");
    }

    @Test
    void isBuiltFromSectionsSoThatMoreCanBeAdded() {
        PageSection drift = (overview, html) -> html.markup("<section id=\"drift\">")
            .text("1 < 2")
            .markup("</section>");
        String html = new MigrationsPage(List.of(new SummarySection(), drift))
            .render(overview("1", List.of(migration("1", "Create users", MigrationState.APPLIED))));

        assertThat(between(html, "<main>", "</main>")).contains("<section id=\"drift\">1 &lt; 2</section>")
            .doesNotContain("id=\"timeline\"");
    }

    private String render(MigrationsOverview overview) {
        return this.page.render(overview);
    }

    private static MigrationsOverview overview(@Nullable String current, List<MigrationDescriptor> migrations) {
        return new MigrationsOverview(new MigrationsDescriptor(current, migrations), false, null, null, NOW);
    }

    private static MigrationDescriptor migration(String version, String description, MigrationState state) {
        boolean recorded = state != MigrationState.PENDING && state != MigrationState.BELOW_BASELINE;
        return new MigrationDescriptor(version, description, "JAVA", null, state, recorded ? NOW : null,
                recorded ? "root" : null, recorded ? 3L : null, null, false, null);
    }

    private static MigrationFailedException failure(String version, String description, String statement, int line) {
        ResolvedMigration migration = new Script(Version.parse(version), description,
                "classpath:db/migration/V" + version + "__import_todos.sql");
        return new MigrationFailedException(migration, "up()", false, statement, line,
                new SQLException("no such table: imported_todos"));
    }

    private static String between(String html, String start, String end) {
        int from = html.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return html.substring(from, html.indexOf(end, from));
    }

    private record Script(Version version, String description, String origin) implements ResolvedMigration {

        @Override
        public String type() {
            return "SQL";
        }

        @Override
        public @Nullable Integer checksum() {
            return null;
        }

        @Override
        public boolean transactional() {
            return true;
        }

        @Override
        public boolean reversible() {
            return false;
        }

    }

}
