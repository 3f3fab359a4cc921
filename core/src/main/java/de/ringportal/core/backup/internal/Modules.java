package de.ringportal.core.backup.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The modules as a backup needs them: which schema versions the installed code knows, a migration that stops at a
 * given version, and the feature bundles installed at runtime. The framework's bundles at runtime
 * ({@link BundleModules}); class path scripts in tests.
 */
interface Modules {

    /** A feature bundle installed at runtime (not shipped with the launcher). */
    record Installed(String location, String symbolicName, String version, byte[] jar) {
    }

    /** The newest version that the scripts of this schema know; empty when no installed module declares it. */
    Optional<String> newest(String schema);

    /** Runs the schema's migrations up to {@code version}. */
    void migrate(String schema, String version);

    /** The feature bundles installed at runtime, with their jars. */
    List<Installed> installed() throws IOException;

    /** Installs a feature bundle from a backup and starts it (it stays started over restarts). */
    void install(String location, byte[] jar) throws IOException;
}
