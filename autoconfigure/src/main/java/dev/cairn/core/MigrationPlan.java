package dev.cairn.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.cairn.MigrationException;
import dev.cairn.Version;
import dev.cairn.core.source.ExecutableMigration;
import dev.cairn.core.source.MigrationResolver;
import org.jspecify.annotations.Nullable;

/**
 * The application's migrations from every source, validated as one set: versioned ones sorted by version, then
 * repeatable ones sorted by description. Building it changes nothing, so an invalid set is refused before the
 * database is touched.
 */
public final class MigrationPlan {

    private static final int MAX_DESCRIPTION = 200;

    // Classes rather than lambdas: a start links no call site it need not (each costs a fresh JVM a millisecond).
    private static final Comparator<ExecutableMigration> BY_VERSION = new Comparator<>() {
        @Override
        public int compare(ExecutableMigration a, ExecutableMigration b) {
            return a.version().compareTo(b.version());
        }
    };

    private static final Comparator<ExecutableMigration> BY_DESCRIPTION = new Comparator<>() {
        @Override
        public int compare(ExecutableMigration a, ExecutableMigration b) {
            return a.description().compareTo(b.description());
        }
    };

    private final List<ExecutableMigration> versioned;

    private final List<ExecutableMigration> repeatable;

    private final Map<Version, ExecutableMigration> byVersion;

    private final Map<String, ExecutableMigration> byDescription;

    private MigrationPlan(List<ExecutableMigration> versioned, List<ExecutableMigration> repeatable) {
        this.versioned = Collections.unmodifiableList(versioned);
        this.repeatable = Collections.unmodifiableList(repeatable);
        this.byVersion = new HashMap<>(versioned.size() * 2);
        for (ExecutableMigration migration : versioned) {
            this.byVersion.put(migration.version(), migration);
        }
        this.byDescription = new HashMap<>(repeatable.size() * 2);
        for (ExecutableMigration migration : repeatable) {
            this.byDescription.put(migration.description(), migration);
        }
    }

    /**
     * Resolves every source and validates the migrations as one set.
     * @param resolvers the sources
     * @return the plan
     * @throws MigrationException naming every invalid migration and its origin when the set is invalid
     */
    public static MigrationPlan resolve(List<MigrationResolver> resolvers) {
        List<ExecutableMigration> all = new ArrayList<>();
        for (MigrationResolver resolver : resolvers) {
            all.addAll(resolver.resolve());
        }
        return of(all);
    }

    /**
     * Validates the migrations as one set.
     * @param migrations the migrations
     * @return the plan
     * @throws MigrationException naming every invalid migration and its origin when the set is invalid
     */
    public static MigrationPlan of(List<ExecutableMigration> migrations) {
        List<ExecutableMigration> versioned = new ArrayList<>(migrations.size());
        List<ExecutableMigration> repeatable = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ExecutableMigration migration : migrations) {
            (migration.repeatable() ? repeatable : versioned).add(migration);
            checkDescription(migration, problems);
        }
        versioned.sort(BY_VERSION);
        repeatable.sort(BY_DESCRIPTION);
        for (int i = 1; i < versioned.size(); i++) {
            ExecutableMigration previous = versioned.get(i - 1);
            ExecutableMigration migration = versioned.get(i);
            if (previous.version().equals(migration.version())) {
                problems.add(previous.origin() + " and " + migration.origin() + " both have version "
                        + migration.version());
            }
        }
        for (int i = 1; i < repeatable.size(); i++) {
            ExecutableMigration previous = repeatable.get(i - 1);
            ExecutableMigration migration = repeatable.get(i);
            if (previous.description().equals(migration.description())) {
                problems.add(previous.origin() + " and " + migration.origin()
                        + " are both the repeatable migration \"" + migration.description() + "\"");
            }
        }
        if (!problems.isEmpty()) {
            throw new MigrationException("Invalid migrations, nothing was changed: " + String.join("; ", problems),
                    "Give every migration a unique, positive version and a non-blank description of at most "
                            + MAX_DESCRIPTION + " characters, and every repeatable script a unique description.");
        }
        return new MigrationPlan(versioned, repeatable);
    }

    private static void checkDescription(ExecutableMigration migration, List<String> problems) {
        String description = migration.description();
        Long declared = migration.declaredVersion();
        boolean java = declared != null;
        if (java && declared <= 0) {
            problems.add(migration.origin() + " has version " + declared + "; versions must be positive");
        }
        // A script's description comes from its file name, which Flyway allows to have none (V6.sql).
        if (java && (description == null || blank(description))) {
            problems.add(name(migration) + " has a blank description");
        }
        else if (description != null && description.length() > MAX_DESCRIPTION) {
            problems.add(name(migration) + " has a description longer than " + MAX_DESCRIPTION + " characters");
        }
    }

    // Nearly every description starts with a letter: the JDK's scan only for those that may not.
    private static boolean blank(String description) {
        if (description.isEmpty()) {
            return true;
        }
        char first = description.charAt(0);
        return (first <= ' ' || first >= 0x80) && description.isBlank();
    }

    private static String name(ExecutableMigration migration) {
        return migration.origin() + ((migration.version() != null) ? " (version " + migration.version() + ")" : "");
    }

    /**
     * The versioned migrations, in version order.
     * @return the migrations
     */
    public List<ExecutableMigration> versioned() {
        return this.versioned;
    }

    /**
     * The repeatable migrations, in description order.
     * @return the migrations
     */
    public List<ExecutableMigration> repeatable() {
        return this.repeatable;
    }

    public @Nullable ExecutableMigration find(Version version) {
        return this.byVersion.get(version);
    }

    public @Nullable ExecutableMigration findRepeatable(String description) {
        return this.byDescription.get(description);
    }

    public @Nullable Version latestVersion() {
        return this.versioned.isEmpty() ? null : this.versioned.get(this.versioned.size() - 1).version();
    }

    /**
     * Whether the plan has no migrations at all.
     * @return {@code true} when empty
     */
    public boolean isEmpty() {
        return this.versioned.isEmpty() && this.repeatable.isEmpty();
    }

}
