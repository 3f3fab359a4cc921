package de.ringportal.core.backup.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;

import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.internal.SchemaScripts;

/** Bundle jars in a backup: rebuilt from an installed bundle's entries, and the schema a jar in the file brings. */
final class BundleJars {

    private static final Pattern SCRIPT = Pattern.compile(ModuleSchema.MIGRATIONS + "/V([0-9][0-9._]*)__[^/]*\\.sql");

    private BundleJars() {
    }

    /** The schemas (name to newest script version) that the feature bundles in the backup declare. */
    static Map<String, String> schemas(BackupFile backup, Manifest manifest) throws Refused {
        Map<String, String> schemas = new HashMap<>();
        for (Manifest.BundleEntry bundle : manifest.bundles()) {
            try (JarInputStream jar = new JarInputStream(backup.part(bundle.part()))) {
                String schema = jar.getManifest() == null ? null
                        : jar.getManifest().getMainAttributes().getValue(ModuleSchema.HEADER);
                String newest = "0";
                for (JarEntry entry; (entry = jar.getNextJarEntry()) != null;) {
                    Matcher script = SCRIPT.matcher(entry.getName());
                    if (script.matches() && SchemaScripts.newer(script.group(1).replace('_', '.'), newest)) {
                        newest = script.group(1).replace('_', '.');
                    }
                }
                if (schema != null) {
                    schemas.put(schema, newest);
                }
            } catch (IOException e) {
                throw new Refused("Das Modul " + bundle.symbolicName() + " in der Sicherung ist kein lesbares JAR.",
                        e);
            }
        }
        return schemas;
    }

    /** The bundle's content as a jar, manifest first (what Felix keeps is not a file the portal may rely on). */
    static byte[] of(Bundle bundle) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            URL manifest = bundle.getEntry("META-INF/MANIFEST.MF");
            if (manifest != null) {
                jar.putNextEntry(new JarEntry("META-INF/MANIFEST.MF"));
                try (InputStream in = manifest.openStream()) {
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
            Deque<String> folders = new ArrayDeque<>();
            folders.add("/");
            while (!folders.isEmpty()) {
                Enumeration<String> paths = bundle.getEntryPaths(folders.poll());
                while (paths != null && paths.hasMoreElements()) {
                    String path = paths.nextElement();
                    if (path.endsWith("/")) {
                        folders.add(path);
                        jar.putNextEntry(new JarEntry(path));
                        jar.closeEntry();
                    } else if (!path.equals("META-INF/MANIFEST.MF")) {
                        jar.putNextEntry(new JarEntry(path));
                        try (InputStream in = bundle.getEntry(path).openStream()) {
                            in.transferTo(jar);
                        }
                        jar.closeEntry();
                    }
                }
            }
        }
        return bytes.toByteArray();
    }

    static InputStream stream(byte[] jar) {
        return new ByteArrayInputStream(jar);
    }
}
