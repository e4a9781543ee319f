package dev.cairn.actuate;

import java.util.List;
import java.util.Locale;

import dev.cairn.MigrationFailedException;
import dev.cairn.MigrationState;
import dev.cairn.actuate.MigrationsEndpoint.MigrationDescriptor;
import org.jspecify.annotations.Nullable;

/**
 * The page's header: where the schema stands (as the health indicator says it), the current version, and how many
 * migrations are applied, pending and failed.
 */
final class SummarySection implements PageSection {

    @Override
    public void write(MigrationsOverview overview, Html html) {
        SchemaState schema = overview.schema();
        String current = overview.migrations().currentVersion();
        html.markup("<header class=\"summary schema-")
            .markup(schema.name().toLowerCase(Locale.ROOT))
            .markup("\"><h1>Migrations</h1><p class=\"schema\"><span class=\"badge\" id=\"schema\">")
            .text(schema)
            .markup("</span> <span class=\"health\">health ")
            .text(schema.health())
            .markup("</span></p><p class=\"verdict\" id=\"verdict\">")
            .text(verdict(overview, schema))
            .markup("</p><dl class=\"counts\">");
        count(html, "Current version", (current != null) ? current : "none");
        count(html, "Applied", overview.count(MigrationState.APPLIED));
        count(html, "Pending", overview.pending().size());
        count(html, "Failed", overview.failed().size());
        html.markup("</dl></header>\n");
    }

    private static void count(Html html, String name, Object value) {
        html.markup("<div><dt>").text(name).markup("</dt><dd>").text(value).markup("</dd></div>");
    }

    private static String verdict(MigrationsOverview overview, SchemaState schema) {
        int pending = overview.pending().size();
        return switch (schema) {
            case UP -> (overview.migrations().currentVersion() != null)
                    ? "Up to date at version " + overview.migrations().currentVersion() + "."
                    : "Up to date: nothing is applied and nothing is pending.";
            case PENDING -> migrations(pending) + " pending: the next migrate applies "
                    + ((pending == 1) ? "it." : "them.");
            case MIGRATING -> "Migrating now" + ((pending > 0) ? ": " + migrations(pending) + " to go." : ".");
            case FAILED -> failed(overview);
        };
    }

    private static String failed(MigrationsOverview overview) {
        MigrationFailedException failure = overview.lastFailure();
        if (failure != null) {
            return "The last migrate failed in " + name(failure.getVersion(), failure.getDescription())
                    + ": nothing after it runs until it is fixed.";
        }
        List<MigrationDescriptor> failed = overview.failed();
        if (failed.size() == 1) {
            MigrationDescriptor migration = failed.get(0);
            return capitalized(name(migration.version(), migration.description())) + " is "
                    + migration.state() + ": nothing runs until it is repaired.";
        }
        return failed.size() + " migrations are FAILED or INTERRUPTED: nothing runs until they are repaired.";
    }

    private static String name(@Nullable Object version, String description) {
        return (version != null) ? "migration " + version : "repeatable migration \"" + description + "\"";
    }

    private static String migrations(int count) {
        return (count == 1) ? "1 migration" : count + " migrations";
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

}
