package de.ringportal.core.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

import de.ringportal.core.api.ModuleSchema;

/** Gives Flyway the migration scripts of one module's {@link ScriptFolder}, instead of letting it scan a class path. */
final class FolderMigrations implements ResourceProvider {

    private final ScriptFolder folder;

    FolderMigrations(ScriptFolder folder) {
        this.folder = folder;
    }

    @Override
    public LoadableResource getResource(String name) {
        URL url = folder.entry(name);
        return url == null ? null : new Script(name, url);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> scripts = new ArrayList<>();
        for (URL url : folder.list(prefix)) {
            String name = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
            for (String suffix : suffixes) {
                if (name.endsWith(suffix)) {
                    scripts.add(new Script(name, url));
                    break;
                }
            }
        }
        return scripts;
    }

    private static final class Script extends LoadableResource {
        private final String name;
        private final URL url;

        Script(String name, URL url) {
            this.name = name;
            this.url = url;
        }

        @Override
        public Reader read() {
            try {
                return new InputStreamReader(url.openStream(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read migration " + name, e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return ModuleSchema.MIGRATIONS + "/" + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
