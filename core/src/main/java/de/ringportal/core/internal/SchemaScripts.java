package de.ringportal.core.internal;

import java.net.URL;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.api.MigrationVersion;
import org.osgi.framework.Bundle;

/**
 * A module bundle's migration scripts for the restore of a backup ({@code core.backup.internal}): the newest version
 * the scripts know, and a migration that stops at the version the backup was taken with, so the rows fit the tables.
 */
public final class SchemaScripts {

    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.*\\.sql");

    private SchemaScripts() {
    }

    /** The newest script version in the bundle ("0" when it has none). */
    public static String newest(Bundle bundle) {
        MigrationVersion newest = MigrationVersion.fromVersion("0");
        for (URL url : ScriptFolder.of(bundle).list("V")) {
            Matcher name = VERSIONED.matcher(url.getPath().substring(url.getPath().lastIndexOf('/') + 1));
            if (name.matches()) {
                MigrationVersion version = MigrationVersion.fromVersion(name.group(1).replace('_', '.'));
                if (version.compareTo(newest) > 0) {
                    newest = version;
                }
            }
        }
        return newest.getVersion();
    }

    /** Runs the bundle's migrations of schema {@code name} up to {@code target}; answers the version reached. */
    public static String migrate(DataSource dataSource, Bundle bundle, String name, String target) {
        return ModuleMigration.migrate(dataSource, ScriptFolder.of(bundle), name, target);
    }

    /** Is {@code version} newer than {@code known}, in Flyway's ordering ("10" after "9", "2.1" after "2")? */
    public static boolean newer(String version, String known) {
        return MigrationVersion.fromVersion(version).compareTo(MigrationVersion.fromVersion(known)) > 0;
    }

    /** The bundle's schema name from its manifest header, if it declares one. */
    public static Optional<String> schemaOf(Bundle bundle) {
        return Optional.ofNullable(bundle.getHeaders("").get(de.ringportal.core.api.ModuleSchema.HEADER));
    }
}
