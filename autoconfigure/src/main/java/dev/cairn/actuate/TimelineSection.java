package dev.cairn.actuate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.cairn.MigrationFailedException;
import dev.cairn.MigrationState;
import dev.cairn.actuate.MigrationsEndpoint.MigrationDescriptor;
import org.jspecify.annotations.Nullable;

/**
 * Every migration in order, one row each: first those the history records (or that failed), then, set apart, those
 * still pending. A FAILED or INTERRUPTED row is followed by what to do about it.
 */
final class TimelineSection implements PageSection {

    private static final List<String> HEADINGS = List.of("Version", "Description", "Type", "Script", "State",
            "Installed on (UTC)", "Installed by", "Duration");

    private static final String REPAIR = "repair with POST /actuator/migrations (with the endpoint's access"
            + " unrestricted) or MigrationRunner.repair()";

    /** What each state means, shown on the state itself and in the legend. */
    static final Map<MigrationState, String> MEANINGS = meanings();

    @Override
    public void write(MigrationsOverview overview, Html html) {
        List<MigrationDescriptor> all = overview.migrations().migrations();
        List<MigrationDescriptor> recorded = all.stream()
            .filter((migration) -> migration.state() != MigrationState.PENDING)
            .toList();
        List<MigrationDescriptor> pending = all.stream()
            .filter((migration) -> migration.state() == MigrationState.PENDING)
            .toList();
        html.markup("<section class=\"timeline\"><h2>Timeline</h2><table id=\"timeline\"><thead><tr>");
        HEADINGS.forEach((heading) -> html.markup("<th scope=\"col\">").text(heading).markup("</th>"));
        html.markup("</tr></thead>\n<tbody class=\"recorded\">");
        if (all.isEmpty()) {
            html.markup("<tr><td class=\"empty\" colspan=\"8\">No migrations: the application has none and the"
                    + " history table records none.</td></tr>");
        }
        recorded.forEach((migration) -> row(overview, migration, html));
        html.markup("</tbody>\n");
        if (!pending.isEmpty()) {
            int next = overview.pending().size();
            html.markup("<tbody class=\"pending\"><tr class=\"group\"><th colspan=\"8\">Pending: ")
                .text((next == pending.size()) ? "the next migrate applies " + ((next == 1) ? "it" : "these")
                        : "the next migrate applies " + next + " of these, up to cairn.target "
                                + overview.target())
                .markup("</th></tr>\n");
            pending.forEach((migration) -> row(overview, migration, html));
            html.markup("</tbody>\n");
        }
        html.markup("</table>\n<dl class=\"legend\">");
        MEANINGS.forEach((state, meaning) -> html.markup("<div><dt><span class=\"state state-")
            .markup(cssName(state))
            .markup("\">")
            .text(state)
            .markup("</span></dt><dd>")
            .text(meaning)
            .markup("</dd></div>"));
        html.markup("</dl></section>\n");
    }

    private static void row(MigrationsOverview overview, MigrationDescriptor migration, Html html) {
        html.markup("<tr class=\"migration\" data-version=\"")
            .text((migration.version() != null) ? migration.version() : "R " + migration.description())
            .markup("\" data-state=\"")
            .text(migration.state())
            .markup("\"><td class=\"version\">");
        if (migration.version() != null) {
            html.text(migration.version());
        }
        else {
            html.markup("<span class=\"repeatable\" title=\"Repeatable: applied again whenever it changes\">R</span>");
        }
        html.markup("</td><td class=\"description\">")
            .text(migration.description())
            .markup("</td><td class=\"type\">")
            .text(migration.type())
            .markup("</td><td class=\"script\">");
        if (migration.script() != null) {
            html.markup("<code>").text(migration.script()).markup("</code>");
        }
        html.markup("</td><td><span class=\"state state-")
            .markup(cssName(migration.state()))
            .markup("\" title=\"")
            .text(MEANINGS.get(migration.state()))
            .markup("\">")
            .text(migration.state())
            .markup("</span>");
        if (overview.aboveTarget(migration)) {
            html.markup(" <small>above cairn.target</small>");
        }
        html.markup("</td><td class=\"installed-on\">");
        if (migration.installedOn() != null) {
            html.markup("<time datetime=\"")
                .text(migration.installedOn())
                .markup("\">")
                .text(utc(migration.installedOn()))
                .markup("</time>");
        }
        html.markup("</td><td class=\"installed-by\">")
            .text(migration.installedBy())
            .markup("</td><td class=\"duration\">")
            .text(duration(migration.executionTimeMs()))
            .markup("</td></tr>\n");
        String advice = advice(overview, migration);
        if (advice != null) {
            html.markup("<tr class=\"advice\"><td colspan=\"8\">").text(advice).markup("</td></tr>\n");
        }
    }

    private static @Nullable String advice(MigrationsOverview overview, MigrationDescriptor migration) {
        MigrationFailedException failure = overview.lastFailure();
        if (migration.state() == MigrationState.FAILED && failure != null && overview.failedLast(migration)) {
            return "The last migrate failed here, as told above. " + failure.getAction();
        }
        if (migration.state() == MigrationState.FAILED) {
            return "Recorded as failed: it may have left changes behind, and nothing runs until it is repaired."
                    + " Undo what it changed (or finish it by hand), then " + REPAIR
                    + ", fix the migration and start again.";
        }
        if (migration.state() == MigrationState.INTERRUPTED) {
            return "Started" + ((migration.installedOn() != null) ? " at " + utc(migration.installedOn()) : "")
                    + " and never finished: the process applying it died, or another instance is applying it now."
                    + " Once no instance is migrating, undo what it changed (or finish it by hand), then " + REPAIR
                    + "; it runs again on the next migrate.";
        }
        return null;
    }

    static String cssName(MigrationState state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String duration(@Nullable Long millis) {
        if (millis == null) {
            return "";
        }
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1_000;
        return (seconds < 3_600) ? seconds / 60 + " min " + seconds % 60 + " s"
                : seconds / 3_600 + " h " + seconds % 3_600 / 60 + " min";
    }

    private static Map<MigrationState, String> meanings() {
        Map<MigrationState, String> meanings = new EnumMap<>(MigrationState.class);
        meanings.put(MigrationState.APPLIED, "applied successfully");
        meanings.put(MigrationState.PENDING, "not applied yet, or a repeatable script that changed");
        meanings.put(MigrationState.FAILED, "failed, possibly leaving changes behind; nothing runs until it is dealt"
                + " with");
        meanings.put(MigrationState.INTERRUPTED, "started and never finished: its process died, or another instance"
                + " is applying it now");
        meanings.put(MigrationState.FUTURE, "applied by a newer version of the application, unknown to this one");
        meanings.put(MigrationState.MISSING, "applied earlier, no longer known to this application");
        meanings.put(MigrationState.BASELINE, "where the history of a database adopted with a schema begins");
        meanings.put(MigrationState.BELOW_BASELINE, "at or below the baseline: part of the adopted schema");
        return Collections.unmodifiableMap(meanings);
    }

}
