package de.ringportal.admin.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/**
 * What an upload's manifest says about itself: which bundle it is (symbolic name, version, name), that it is an
 * OSGi R4 manifest, and that what it claims about the jar's own contents (activator, exported packages, component
 * descriptions) is there.
 */
final class ManifestCheck {

    private ManifestCheck() {
    }

    /** The manifest's main attributes, or null when the jar has none. */
    static Attributes mainAttributes(Path file) throws IOException {
        try (JarFile jar = new JarFile(file.toFile(), false)) {
            Manifest manifest = jar.getManifest();
            return manifest == null ? null : manifest.getMainAttributes();
        }
    }

    /** The first name of Bundle-SymbolicName, or null. */
    static String symbolicName(Attributes main) {
        return firstName(main.getValue(Constants.BUNDLE_SYMBOLICNAME));
    }

    static boolean isR4(Attributes main) {
        return "2".equals(strip(main.getValue(Constants.BUNDLE_MANIFESTVERSION)));
    }

    /** Bundle-Version; an IllegalArgumentException when it is malformed. */
    static Version version(Attributes main) {
        return Version.parseVersion(strip(main.getValue(Constants.BUNDLE_VERSION)));
    }

    /** Bundle-Name, else the symbolic name. */
    static String name(Attributes main, String symbolicName) {
        return main.getValue(Constants.BUNDLE_NAME) == null ? symbolicName : main.getValue(Constants.BUNDLE_NAME);
    }

    /** What the manifest claims about the jar's own contents must be there. */
    static void checkContents(Attributes main, Set<String> entries, List<String> problems) {
        String activator = strip(main.getValue(Constants.BUNDLE_ACTIVATOR));
        if (activator != null && !activator.isEmpty() && main.getValue(Constants.BUNDLE_CLASSPATH) == null
                && !entries.contains(activator.replace('.', '/') + ".class")) {
            problems.add("Das Manifest nennt die Startklasse " + activator + ", die in der Datei fehlt.");
        }
        if (main.getValue(Constants.BUNDLE_CLASSPATH) == null) {
            for (Headers.Clause export : Headers.parse(main.getValue(Constants.EXPORT_PACKAGE))) {
                for (String pkg : export.names()) {
                    String folder = pkg.replace('.', '/') + "/";
                    if (entries.stream().noneMatch(entry -> entry.startsWith(folder)
                            && entry.indexOf('/', folder.length()) < 0 && !entry.equals(folder))) {
                        problems.add("Das Manifest bietet das Paket " + pkg + " an, das in der Datei fehlt.");
                    }
                }
            }
        }
        for (Headers.Clause component : Headers.parse(main.getValue("Service-Component"))) {
            for (String path : component.names()) {
                if (!path.contains("*") && !entries.contains(path)) {
                    problems.add("Das Manifest nennt die Komponentenbeschreibung " + path + ", die in der Datei fehlt.");
                }
            }
        }
    }

    private static String firstName(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        List<Headers.Clause> clauses = Headers.parse(header);
        return clauses.isEmpty() ? null : clauses.get(0).names().get(0);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
