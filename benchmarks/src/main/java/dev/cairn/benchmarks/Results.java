package dev.cairn.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Every cell measured so far, in the order they were first measured, and the notes on what was skipped.
 */
final class Results {

    private final Map<Cell, Samples> cells = new LinkedHashMap<>();

    private final List<String> notes = new ArrayList<>();

    Samples cell(Scenario scenario, String database, int size, String contender) {
        return this.cells.computeIfAbsent(new Cell(scenario, database, size, contender), (key) -> new Samples());
    }

    @Nullable Samples find(Scenario scenario, String database, int size, String contender) {
        return this.cells.get(new Cell(scenario, database, size, contender));
    }

    Map<Cell, Samples> cells() {
        return this.cells;
    }

    void note(String note) {
        System.out.println("NOTE: " + note);
        this.notes.add(note);
    }

    List<String> notes() {
        return this.notes;
    }

    /**
     * One cell: a contender in a scenario on a database with a number of migrations.
     *
     * @param scenario the scenario
     * @param database the database's label
     * @param size the number of migrations
     * @param contender the contender's label
     */
    record Cell(Scenario scenario, String database, int size, String contender) {

    }

}
