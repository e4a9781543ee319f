package dev.cairn.actuate;

/**
 * Where the schema stands for the {@code migrations} health indicator and the migrations page, decided in one place.
 */
enum SchemaState {

    /** Nothing pending that this instance will apply, nothing failed. */
    UP("UP"),

    /** Migrations wait that this instance is going to apply. */
    PENDING("OUT_OF_SERVICE"),

    /** A migrate or rollback is under way. */
    MIGRATING("OUT_OF_SERVICE"),

    /** A migration failed or was interrupted: nothing runs until it is dealt with. */
    FAILED("DOWN");

    private final String health;

    SchemaState(String health) {
        this.health = health;
    }

    /**
     * The health status this state is reported as.
     * @return the status code
     */
    String health() {
        return this.health;
    }

    /**
     * Decides the state. Pending migrations count only while this instance is going to apply them: it migrates on
     * start and has not yet. While it migrates, a migration recorded before it runs reads as INTERRUPTED; that is
     * not counted as failed then, since it may be the one running.
     * @param failed how many migrations are FAILED
     * @param interrupted how many are INTERRUPTED
     * @param lastFailure whether the last migrate of this instance failed
     * @param migrating whether this instance is migrating
     * @param pending how many are pending up to the target
     * @param pendingCounts whether this instance is going to apply them
     * @return the state
     */
    static SchemaState decide(long failed, long interrupted, boolean lastFailure, boolean migrating, long pending,
            boolean pendingCounts) {
        if (lastFailure || failed > 0 || (interrupted > 0 && !migrating)) {
            return FAILED;
        }
        if (migrating) {
            return MIGRATING;
        }
        return (pending > 0 && pendingCounts) ? PENDING : UP;
    }

}
