package de.ringportal.core.internal;

import java.net.URL;
import java.util.List;

import javax.sql.DataSource;

/** The backup tests' schema "bp" from core's test resources ({@code backupprobe/}), migrated as core does. */
public final class BackupProbeScripts {

    private static final List<String> SCRIPTS = List.of("V1__tables.sql", "V2__note.sql");

    private BackupProbeScripts() {
    }

    /** Migrates schema {@code bp} up to {@code target}; answers the version reached. */
    public static String migrate(DataSource dataSource, String target) {
        return ModuleMigration.migrate(dataSource, new ScriptFolder() {
            @Override
            public URL entry(String name) {
                return SCRIPTS.contains(name) ? url(name) : null;
            }

            @Override
            public List<URL> list(String prefix) {
                return SCRIPTS.stream().filter(s -> s.startsWith(prefix)).map(BackupProbeScripts::url).toList();
            }
        }, "bp", target);
    }

    private static URL url(String name) {
        return BackupProbeScripts.class.getClassLoader().getResource("backupprobe/" + name);
    }
}
