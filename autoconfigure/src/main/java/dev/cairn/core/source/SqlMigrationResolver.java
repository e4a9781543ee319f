package dev.cairn.core.source;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cairn.MigrationException;
import dev.cairn.MigrationCallback;
import dev.cairn.Version;
import dev.cairn.core.sql.Placeholders;
import dev.cairn.core.sql.ScriptFile;
import dev.cairn.core.sql.ScriptName.Kind;
import dev.cairn.core.sql.SqlScript;
import dev.cairn.core.sql.SqlSyntax;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The SQL scripts found in the locations: versioned and repeatable migrations, each versioned one with its undo
 * script, and the callback scripts, which run as {@link MigrationCallback}s. Every script is read once, for its
 * checksum, when the resolver is made; its text again only when it runs.
 */
public final class SqlMigrationResolver implements MigrationResolver {

    private static final Log logger = LogFactory.getLog(SqlMigrationResolver.class);

    /** The callback events Cairn fires; Flyway's others (validate, info, undo, clean...) have no moment here. */
    private static final Set<String> EVENTS = Set.of("beforeMigrate", "beforeEachMigrate", "afterEachMigrate",
            "afterEachMigrateError", "afterVersioned", "afterMigrate", "afterMigrateApplied", "afterMigrateError",
            "beforeRepair", "afterRepair", "beforeBaseline", "afterBaseline");

    /** At most this much content of versioned and repeatable scripts is kept between reading and running them. */
    private static final long KEPT_CONTENT_IN_ALL = 16 * 1024 * 1024;

    private final List<ExecutableMigration> migrations;

    private final List<MigrationCallback> callbacks;

    private final List<SqlScript> scripts;

    /**
     * Reads the scripts.
     * @param files the scripts found in the locations, sorted by path
     * @param encoding the encoding of scripts whose {@code .conf} names none
     * @param placeholders the placeholders the scripts run with
     * @param syntax how the database's scripts are split
     * @param keepContent whether versioned and repeatable scripts keep the content read for their checksums until
     * they run or {@link #releaseContent()} (up to 16 MB in all), rather than being read again when they run
     * @throws MigrationException when a script cannot be read or two undo scripts share a version
     */
    public SqlMigrationResolver(List<ScriptFile> files, Charset encoding, Placeholders placeholders,
            SqlSyntax syntax, boolean keepContent) {
        long keep = keepContent ? KEPT_CONTENT_IN_ALL : 0;
        Map<Version, SqlScript> undos = new HashMap<>();
        List<SqlScript> scripts = new ArrayList<>(files.size());
        List<MigrationCallback> callbacks = new ArrayList<>();
        for (ScriptFile file : files) {
            Kind kind = file.name().kind();
            if (kind == Kind.UNDO) {
                SqlScript undo = SqlScript.load(file, encoding, false);
                SqlScript other = undos.put(Version.parse(String.valueOf(undo.name().normalizedVersion())), undo);
                if (other != null) {
                    throw new MigrationException("Invalid migrations, nothing was changed: " + other.origin() + " and "
                            + undo.origin() + " are both undo scripts of version " + undo.name().normalizedVersion(),
                            "Keep one undo script per version.");
                }
            }
            else if (kind == Kind.CALLBACK) {
                callback(SqlScript.load(file, encoding, false), placeholders, syntax, callbacks);
            }
            else if (kind == Kind.VERSIONED || kind == Kind.REPEATABLE) {
                SqlScript script = SqlScript.load(file, encoding, keep > 0);
                keep -= script.keptContent();
                scripts.add(script);
            }
        }
        List<ExecutableMigration> migrations = new ArrayList<>(scripts.size());
        for (SqlScript script : scripts) {
            // SqlMigration parses the version too; parsing it here as well cost about 5% of a warm start with 1000
            // scripts (benchmarks/RESULTS.md), and most applications have no undo scripts
            SqlScript undo = (script.name().kind() == Kind.VERSIONED && !undos.isEmpty())
                    ? undos.remove(Version.parse(String.valueOf(script.name().normalizedVersion()))) : null;
            migrations.add(new SqlMigration(script, undo, placeholders, syntax));
        }
        undos.values().forEach((undo) -> logger.warn("The undo script " + undo.origin() + " has no versioned script"
                + " of version " + undo.name().normalizedVersion() + " beside it; it is ignored"));
        this.migrations = List.copyOf(migrations);
        this.callbacks = List.copyOf(callbacks);
        this.scripts = List.copyOf(scripts);
    }

    /**
     * Lets go of the content the scripts kept from reading their checksums: a script that runs later reads its file
     * again.
     */
    public void releaseContent() {
        this.scripts.forEach(SqlScript::releaseContent);
    }

    private static void callback(SqlScript script, Placeholders placeholders, SqlSyntax syntax,
            List<MigrationCallback> callbacks) {
        if (EVENTS.contains(script.name().event())) {
            callbacks.add(new SqlCallback(script, placeholders, syntax));
        }
        else {
            logger.warn("The callback script " + script.origin() + " never runs: Cairn has no "
                    + script.name().event() + " event. Its events are " + EVENTS);
        }
    }

    @Override
    public List<ExecutableMigration> resolve() {
        return this.migrations;
    }

    /**
     * The callback scripts, in the order of their paths.
     * @return the callbacks
     */
    public List<MigrationCallback> callbacks() {
        return this.callbacks;
    }

}
