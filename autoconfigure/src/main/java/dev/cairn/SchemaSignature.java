package dev.cairn;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The schema signature Cairn recorded after its last run, and how the live schema differs from it.
 *
 * @param hash the 64-bit checksum of the recorded snapshot of the schema, in hexadecimal
 * @param recordedOn when it was recorded
 * @param version the version it was recorded at, or {@code null}
 * @param drift each object of the live schema that differs, such as
 * {@code column todos.priority: type INTEGER, recorded TEXT}; empty when there is none, or when
 * {@code cairn.drift=off}
 */
public record SchemaSignature(String hash, Instant recordedOn, @Nullable String version, List<String> drift) {

    public SchemaSignature {
        drift = List.copyOf(drift);
    }

}
