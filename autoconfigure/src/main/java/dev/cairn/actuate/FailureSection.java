package dev.cairn.actuate;

import dev.cairn.MigrationFailedException;

/**
 * The failure of the last migrate, as {@link MigrationFailedException} tells it: the migration, its script line, the
 * statement and the database's message, then what to do about it.
 */
final class FailureSection implements PageSection {

    @Override
    public void write(MigrationsOverview overview, Html html) {
        MigrationFailedException failure = overview.lastFailure();
        if (failure == null) {
            return;
        }
        html.markup("<section class=\"failure\" id=\"failure\"><h2>The last migrate failed</h2>")
            .markup("<pre class=\"message\">")
            .text(failure.getMessage())
            .markup("</pre><h3>What to do</h3><p class=\"action\">")
            .text(failure.getAction())
            .markup("</p></section>\n");
    }

}
