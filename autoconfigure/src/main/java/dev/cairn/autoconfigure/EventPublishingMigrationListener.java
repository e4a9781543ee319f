package dev.cairn.autoconfigure;

import dev.cairn.MigrateResult;
import dev.cairn.MigrationEvent;
import dev.cairn.MigrationFailedException;
import dev.cairn.MigrationInfo;
import dev.cairn.MigrationListener;
import dev.cairn.MigrationRunner;
import dev.cairn.ResolvedMigration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes what the runner does as {@link MigrationEvent}s, for {@code @EventListener}s of the application.
 */
class EventPublishingMigrationListener implements MigrationListener {

    private final ApplicationEventPublisher publisher;

    private final ObjectProvider<MigrationRunner> runner;

    EventPublishingMigrationListener(ApplicationEventPublisher publisher, ObjectProvider<MigrationRunner> runner) {
        this.publisher = publisher;
        this.runner = runner;
    }

    @Override
    public void runStarted() {
        this.publisher.publishEvent(new MigrationEvent.RunStarted(this.runner.getObject()));
    }

    @Override
    public void migrationApplied(ResolvedMigration migration, MigrationInfo applied) {
        this.publisher.publishEvent(new MigrationEvent.Applied(this.runner.getObject(), applied));
    }

    @Override
    public void migrationFailed(ResolvedMigration migration, MigrationFailedException failure, long executionTimeMs) {
        this.publisher.publishEvent(new MigrationEvent.Failed(this.runner.getObject(), failure));
    }

    @Override
    public void runFinished(MigrateResult result) {
        this.publisher.publishEvent(new MigrationEvent.RunFinished(this.runner.getObject(), result));
    }

}
