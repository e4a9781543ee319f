package dev.cairn.schema;

import java.util.List;

import dev.cairn.Migration;
import dev.cairn.MigrationContext;

/**
 * A migration whose changes are {@link Step}s: data that Cairn can inspect before anything runs, render for each
 * database, check against the declared schema and the append-only policy, and undo without code when every step has
 * an inverse. A bean like any {@link Migration}, it interleaves with Java and SQL migrations in one version order:
 * <pre>
 * &#64;Component
 * class CreateComments implements SchemaMigration {
 *     public long version() { return 4; }
 *     public List&lt;Step&gt; steps() {
 *         return List.of(createTable("comments",
 *                 column("id").bigint().primaryKey(),
 *                 column("post_id").bigint().notNull().indexed(),
 *                 column("body").text()));
 *     }
 * }
 * </pre>
 */
public interface SchemaMigration extends Migration {

    /**
     * The steps, applied in order in the migration's transaction.
     * @return the steps
     */
    List<Step> steps();

    /**
     * Not called: Cairn applies {@link #steps()} itself.
     * @param context unused
     */
    @Override
    default void up(MigrationContext context) {
        throw new UnsupportedOperationException("Cairn applies the steps() of a SchemaMigration itself");
    }

    /**
     * A checksum of the steps, so that a schema migration changed after it was applied is detected.
     * @return a hash of every part of every step, the same in every JVM
     */
    @Override
    default Integer checksum() {
        return checksumOf(steps());
    }

    /**
     * The checksum Cairn records for steps: a hash of every part of every step (each column with its type, options
     * and reference, each index), the same in every JVM.
     * @param steps the steps
     * @return the checksum
     */
    static int checksumOf(List<Step> steps) {
        return StepHash.of(steps);
    }

}
