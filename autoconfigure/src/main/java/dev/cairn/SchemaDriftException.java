package dev.cairn;

import java.util.List;

/**
 * Thrown when {@code cairn.drift=fail} and the schema differs from the signature Cairn recorded after its last run:
 * someone changed it outside migrations. Names each object that differs.
 */
public class SchemaDriftException extends MigrationException {

    private final List<String> differences;

    /**
     * An exception naming what differs.
     * @param table the table that holds the signature
     * @param differences each object that differs
     */
    public SchemaDriftException(String table, List<String> differences) {
        super("The schema differs from the signature recorded in " + table + " after Cairn's last run, so it was"
                + " changed outside migrations: " + String.join("; ", differences),
                "Undo the change, or make it in a migration. To accept the schema as it is, repair: it records the"
                        + " signature again (cairn.mode=repair, POST /actuator/migrations or MigrationRunner.repair())."
                        + " Or set cairn.drift=warn to start anyway with a warning.");
        this.differences = List.copyOf(differences);
    }

    /**
     * Each object that differs, such as {@code column todos.priority: type INTEGER, recorded TEXT}.
     * @return the differences
     */
    public List<String> differences() {
        return this.differences;
    }

}
