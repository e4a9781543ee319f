package dev.cairn;

/**
 * Whether Cairn compares the live schema with the signature it recorded after its last run ({@code cairn.drift}):
 * a difference means someone changed the schema outside migrations.
 */
public enum DriftMode {

    /** Never: no signature is recorded and no schema is read. */
    OFF,

    /**
     * Before each run that applies migrations, and on {@code /actuator/migrations}: each object that differs is
     * logged as a warning. A start with nothing pending reads no schema.
     */
    WARN,

    /** As {@link #WARN}, and also at every start, before anything runs: drift fails the start, naming each object. */
    FAIL

}
