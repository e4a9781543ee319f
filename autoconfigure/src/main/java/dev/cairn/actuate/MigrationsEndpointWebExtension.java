package dev.cairn.actuate;

import java.time.Instant;

import dev.cairn.MigrationRunner;
import dev.cairn.actuate.MigrationsEndpoint.BackgroundDescriptor;

import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
import org.springframework.util.MimeType;

/**
 * The {@code migrations} endpoint for a browser: {@code GET /actuator/migrations} answers a request that prefers
 * {@code text/html} with the migrations page, and every other request, curl's among them, with the endpoint's JSON.
 * Being an operation of the endpoint, the page is exposed, secured and closed exactly as the endpoint is. Pausing,
 * resuming or retrying an unknown background migration answers 404.
 */
@EndpointWebExtension(endpoint = MigrationsEndpoint.class)
public class MigrationsEndpointWebExtension {

    private static final MimeType HTML = MimeType.valueOf("text/html;charset=UTF-8");

    private final MigrationsEndpoint endpoint;

    private final MigrationRunner runner;

    private final boolean migratesOnStart;

    private final MigrationsPage page = new MigrationsPage();

    /**
     * The page of an endpoint.
     * @param endpoint the endpoint
     * @param runner its runner
     * @param migratesOnStart whether this instance applies pending migrations when it starts
     */
    public MigrationsEndpointWebExtension(MigrationsEndpoint endpoint, MigrationRunner runner,
            boolean migratesOnStart) {
        this.endpoint = endpoint;
        this.runner = runner;
        this.migratesOnStart = migratesOnStart;
    }

    // Only text/html: for */* (curl, or no Accept header) Spring MVC and WebFlux prefer the endpoint's own
    // operation, whose application/... types sort before text/html when both match equally.
    @ReadOperation(produces = "text/html")
    public WebEndpointResponse<String> page() {
        String html = this.page.render(MigrationsOverview.of(this.endpoint, this.runner, this.migratesOnStart,
                Instant.now()));
        return new WebEndpointResponse<>(html, WebEndpointResponse.STATUS_OK, HTML);
    }

    /**
     * Pauses, resumes or retries a background migration, as {@link MigrationsEndpoint#background} does, answering
     * 404 for an unknown migration or action.
     * @param section {@code background}
     * @param id the background migration's id
     * @param action {@code pause}, {@code resume} or {@code retry}
     * @return the migration's state afterwards, or 404
     */
    @WriteOperation
    public WebEndpointResponse<BackgroundDescriptor> background(@Selector String section, @Selector String id,
            @Selector String action) {
        BackgroundDescriptor migration = this.endpoint.background(section, id, action);
        return (migration != null) ? new WebEndpointResponse<>(migration)
                : new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
    }

}
