package de.ringportal.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.ops4j.pax.tinybundles.TinyBundle;
import org.ops4j.pax.tinybundles.TinyBundles;

import de.ringportal.core.api.ModuleSchema;

/**
 * Module bundles made on the fly: nothing but a {@value ModuleSchema#HEADER} header and SQL migrations. Runs in the
 * test JVM, from a {@code @Configuration} (TinyBundles is on the class path there, not inside the framework).
 */
final class SchemaBundles {

    private SchemaBundles() {
    }

    /** Writes the bundle to {@code directory} and returns its file: URL, ready for {@code installBundle}. */
    static String write(Path directory, String schema, Map<String, String> migrations) throws IOException {
        TinyBundle bundle = TinyBundles.bundle()
                .setHeader("Bundle-ManifestVersion", "2")
                .symbolicName("de.ringportal.it." + schema)
                .setHeader("Bundle-Version", "1.0.0")
                .setHeader(ModuleSchema.HEADER, schema);
        migrations.forEach((file, sql) -> bundle.addResource(ModuleSchema.MIGRATIONS + "/" + file,
                new ByteArrayInputStream(sql.getBytes(StandardCharsets.UTF_8))));
        Path jar = directory.resolve("schema-" + schema + ".jar");
        try (InputStream in = bundle.build(TinyBundles.rawBuilder())) {
            Files.copy(in, jar);
        }
        return jar.toUri().toString();
    }
}
