package de.ringportal.core.internal;

import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.osgi.framework.Bundle;

import de.ringportal.core.api.ModuleSchema;

/**
 * A module's folder of migration scripts ({@value ModuleSchema#MIGRATIONS}), as {@link ModuleMigration} reads it:
 * inside the module's bundle at runtime ({@link #of(Bundle)}), on the class path in tests (core's test-jar).
 */
interface ScriptFolder {

    /** The script of that file name, {@code null} when the folder has none. */
    URL entry(String name);

    /** The folder's files whose names start with the prefix (not its subfolders). */
    List<URL> list(String prefix);

    /** The folder inside a bundle: its entries, not its class path (so no other bundle's scripts). */
    static ScriptFolder of(Bundle bundle) {
        return new ScriptFolder() {
            @Override
            public URL entry(String name) {
                return bundle.getEntry(ModuleSchema.MIGRATIONS + "/" + name);
            }

            @Override
            public List<URL> list(String prefix) {
                Enumeration<URL> entries = bundle.findEntries(ModuleSchema.MIGRATIONS, prefix + "*", false);
                return entries == null ? List.of() : Collections.list(entries);
            }

            @Override
            public String toString() {
                return "bundle " + bundle.getSymbolicName();
            }
        };
    }
}
