package de.ringportal.core.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A module's database schema, migrated and ready. A bundle declares its schema with the manifest header
 * {@value #HEADER} (the schema name) and ships Flyway-style SQL migrations ({@code V1__create.sql}, ...) in
 * {@value #MIGRATIONS}. Core runs them when the bundle starts and then registers this service with the property
 * {@value #NAME}; components that need the tables reference it, for example
 * {@code @Reference(target = "(ringportal.schema=site)")}. If a migration fails, the service never appears, so the
 * module stays inactive while the rest of the portal runs.
 */
@ProviderType
public interface ModuleSchema {

    /** Manifest header naming the bundle's schema. */
    String HEADER = "Ringportal-Schema";

    /** Folder inside the bundle that holds the migration scripts. */
    String MIGRATIONS = "db/migration";

    /** Service property carrying the schema name. */
    String NAME = "ringportal.schema";

    /** The schema name from the manifest header. */
    String name();

    /** Version of the newest migration applied, such as "2". */
    String version();
}
