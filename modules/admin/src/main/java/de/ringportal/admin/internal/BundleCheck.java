package de.ringportal.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.namespace.PackageNamespace;

/**
 * Checks an uploaded file before anything in the framework changes: that it is a sound JAR (no ZIP bomb, no path
 * tricks), that it is an OSGi bundle whose manifest tells the truth about its contents, and that every requirement
 * it declares (Import-Package, Require-Bundle, Require-Capability, Fragment-Host) is met by a bundle that is
 * resolved right now. Each problem becomes one German sentence for the administrator.
 */
final class BundleCheck {

    /** Limits of what a feature bundle may unpack to; far above any real module, far below a bomb. */
    static final long MAX_UNPACKED_BYTES = 256L * 1024 * 1024;
    static final int MAX_ENTRIES = 50_000;
    /** Compression ratio above which a large archive counts as a ZIP bomb (text compresses ~5-10x). */
    static final int MAX_RATIO = 100;
    private static final long RATIO_FLOOR = 16L * 1024 * 1024;

    /** The outcome: what the file says it is, and what stands in the way of installing it. */
    record Result(String symbolicName, Version version, String name, List<String> problems) {

        boolean passed() {
            return problems.isEmpty();
        }

        String label() {
            return symbolicName + " " + version;
        }
    }

    private BundleCheck() {
    }

    /**
     * Checks a file against the offers of the running framework.
     *
     * @param protectedNames symbolic names the upload may not claim (the portal's core bundles)
     * @param replacing      symbolic name of the bundle an update replaces (its offers no longer count), or null
     */
    static Result check(Path file, List<Offer> offers, Set<String> protectedNames, String replacing) {
        List<String> problems = new ArrayList<>();
        Set<String> entries = new HashSet<>();
        String archiveProblem = scan(file, entries);
        if (archiveProblem != null) {
            return refused(archiveProblem);
        }
        Manifest manifest;
        try (JarFile jar = new JarFile(file.toFile(), false)) {
            manifest = jar.getManifest();
        } catch (IOException | SecurityException e) {
            return refused("Die Datei ist kein lesbares JAR-Archiv.");
        }
        if (manifest == null) {
            return refused("Die Datei ist kein OSGi-Modul: Ihr fehlt das Manifest (META-INF/MANIFEST.MF).");
        }
        Attributes main = manifest.getMainAttributes();
        String symbolicName = firstName(main.getValue(Constants.BUNDLE_SYMBOLICNAME));
        if (symbolicName == null) {
            return refused("Die Datei ist kein OSGi-Modul: Ihr Manifest nennt keinen Bundle-SymbolicName.");
        }
        if (!"2".equals(strip(main.getValue(Constants.BUNDLE_MANIFESTVERSION)))) {
            problems.add("Das Manifest ist kein OSGi-R4-Manifest (Bundle-ManifestVersion muss 2 sein).");
        }
        Version version;
        try {
            version = Version.parseVersion(strip(main.getValue(Constants.BUNDLE_VERSION)));
        } catch (IllegalArgumentException e) {
            return new Result(symbolicName, Version.emptyVersion, symbolicName, List.of(
                    "Die Versionsangabe im Manifest ist ungültig: „" + main.getValue(Constants.BUNDLE_VERSION) + "“."));
        }
        String name = main.getValue(Constants.BUNDLE_NAME) == null ? symbolicName : main.getValue(Constants.BUNDLE_NAME);
        if (protectedNames.contains(symbolicName)) {
            problems.add("Die Datei gibt sich als Kernbestandteil des Portals aus (" + symbolicName
                    + "); Kernbestandteile lassen sich hier nicht ersetzen.");
        }
        try {
            checkContents(main, entries, problems);
            List<Offer> available = offers.stream()
                    .filter(offer -> replacing == null || !offer.provider().equals(replacing)).toList();
            checkRequirements(main, entries, available, problems);
        } catch (IllegalArgumentException malformed) {
            problems.add("Das Manifest ist fehlerhaft: " + malformed.getMessage());
        }
        return new Result(symbolicName, version, name, List.copyOf(problems));
    }

    private static Result refused(String problem) {
        return new Result("?", Version.emptyVersion, "?", List.of(problem));
    }

    /**
     * Reads every entry to its end, counting the bytes actually unpacked (the sizes in the headers may lie), and
     * stops at the first limit; returns the problem, or null when the archive is sound.
     */
    static String scan(Path file, Set<String> names) {
        long compressed;
        try {
            compressed = Math.max(1, Files.size(file));
        } catch (IOException e) {
            return "Die hochgeladene Datei ist nicht lesbar.";
        }
        long unpacked = 0;
        int count = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++count > MAX_ENTRIES) {
                    return "Die Datei enthält mehr als " + MAX_ENTRIES + " Einträge und wird nicht installiert.";
                }
                String entryName = entry.getName();
                if (entryName.startsWith("/") || entryName.contains("\\") || List.of(entryName.split("/")).contains("..")) {
                    return "Die Datei enthält einen unzulässigen Pfad („" + printable(entryName)
                            + "“) und wird nicht installiert.";
                }
                names.add(entryName);
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    unpacked += read;
                    if (unpacked > MAX_UNPACKED_BYTES) {
                        return "Die Datei entpackt sich auf mehr als " + MAX_UNPACKED_BYTES / (1024 * 1024)
                                + " MB (ZIP-Bombe?) und wird nicht installiert.";
                    }
                    if (unpacked > RATIO_FLOOR && unpacked / compressed > MAX_RATIO) {
                        return "Die Datei ist mehr als " + MAX_RATIO + "-fach komprimiert (ZIP-Bombe?) und wird "
                                + "nicht installiert.";
                    }
                }
            }
        } catch (ZipException | IllegalArgumentException e) {
            return "Die Datei ist kein gültiges JAR-Archiv (" + printable(e.getMessage()) + ").";
        } catch (IOException e) {
            return "Die Datei ist kein lesbares JAR-Archiv.";
        }
        if (count == 0) {
            return "Die Datei ist kein JAR-Archiv (sie enthält keine Einträge).";
        }
        return null;
    }

    /** What the manifest claims about the jar's own contents must be there. */
    private static void checkContents(Attributes main, Set<String> entries, List<String> problems) {
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

    private static void checkRequirements(Attributes main, Set<String> entries, List<Offer> offers,
            List<String> problems) {
        Map<String, Version> ownPackages = new LinkedHashMap<>();
        for (Headers.Clause export : Headers.parse(main.getValue(Constants.EXPORT_PACKAGE))) {
            String versionText = export.attribute(Constants.VERSION_ATTRIBUTE);
            Version version = versionText == null ? Version.emptyVersion : Version.parseVersion(versionText);
            export.names().forEach(pkg -> ownPackages.put(pkg, version));
        }
        for (Headers.Clause imported : Headers.parse(main.getValue(Constants.IMPORT_PACKAGE))) {
            if (Constants.RESOLUTION_OPTIONAL.equals(imported.directive(Constants.RESOLUTION_DIRECTIVE))) {
                continue;
            }
            VersionRange range = range(imported.attribute(Constants.VERSION_ATTRIBUTE));
            for (String pkg : imported.names()) {
                if (ownPackages.containsKey(pkg) && range.includes(ownPackages.get(pkg))) {
                    continue;
                }
                List<Offer> named = offers.stream().filter(offer -> PackageNamespace.PACKAGE_NAMESPACE
                        .equals(offer.namespace()) && pkg.equals(offer.attributes().get(PackageNamespace.PACKAGE_NAMESPACE)))
                        .toList();
                boolean met = named.stream().anyMatch(offer -> range.includes(version(offer.attributes()
                        .get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE))));
                if (!met) {
                    problems.add(missing("Paket " + pkg, range, named.stream().map(offer -> version(offer.attributes()
                            .get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE))).distinct().toList()));
                }
            }
        }
        for (Headers.Clause required : Headers.parse(main.getValue(Constants.REQUIRE_BUNDLE))) {
            if (Constants.RESOLUTION_OPTIONAL.equals(required.directive(Constants.RESOLUTION_DIRECTIVE))) {
                continue;
            }
            checkBundle(BundleNamespace.BUNDLE_NAMESPACE, "Modul", required, offers, problems);
        }
        for (Headers.Clause host : Headers.parse(main.getValue(Constants.FRAGMENT_HOST))) {
            checkBundle(HostNamespace.HOST_NAMESPACE, "Trägermodul", host, offers, problems);
        }
        for (Headers.Clause requirement : Headers.parse(main.getValue(Constants.REQUIRE_CAPABILITY))) {
            String effective = requirement.directive(Constants.EFFECTIVE_DIRECTIVE);
            if (Constants.RESOLUTION_OPTIONAL.equals(requirement.directive(Constants.RESOLUTION_DIRECTIVE))
                    || (effective != null && !Constants.EFFECTIVE_RESOLVE.equals(effective))) {
                continue; // only requirements effective at resolve time decide whether the bundle resolves
            }
            String filterText = requirement.directive(Constants.FILTER_DIRECTIVE);
            Filter filter;
            try {
                filter = filterText == null ? null : FrameworkUtil.createFilter(filterText);
            } catch (InvalidSyntaxException e) {
                throw new IllegalArgumentException("ungültiger Filter " + filterText);
            }
            for (String namespace : requirement.names()) {
                boolean met = offers.stream().anyMatch(offer -> offer.namespace().equals(namespace)
                        && (filter == null || filter.matches(offer.attributes())));
                if (!met) {
                    problems.add("Braucht die Fähigkeit " + namespace + (filterText == null ? "" : " " + filterText)
                            + ", die kein installiertes Modul anbietet.");
                }
            }
        }
    }

    private static void checkBundle(String namespace, String what, Headers.Clause clause, List<Offer> offers,
            List<String> problems) {
        VersionRange range = range(clause.attribute(Constants.BUNDLE_VERSION_ATTRIBUTE));
        for (String name : clause.names()) {
            List<Offer> named = offers.stream().filter(offer -> namespace.equals(offer.namespace())
                    && name.equals(offer.attributes().get(namespace))).toList();
            boolean met = named.stream().anyMatch(offer -> range.includes(version(offer.attributes()
                    .get(Constants.BUNDLE_VERSION_ATTRIBUTE))));
            if (!met) {
                problems.add(missing(what + " " + name, range, named.stream().map(offer -> version(offer.attributes()
                        .get(Constants.BUNDLE_VERSION_ATTRIBUTE))).distinct().toList()));
            }
        }
    }

    /** "Braucht Paket x in Version ≥ 1.2 und < 2, das kein installiertes Modul anbietet (vorhanden: 1.0)." */
    private static String missing(String what, VersionRange range, List<Version> present) {
        StringBuilder text = new StringBuilder("Braucht ").append(what);
        String versions = describe(range);
        if (!versions.isEmpty()) {
            text.append(" in Version ").append(versions);
        }
        text.append(", ").append(what.startsWith("Paket") ? "das" : "das").append(" kein installiertes Modul anbietet");
        if (!present.isEmpty()) {
            text.append(" (vorhanden nur in Version ").append(String.join(", ",
                    present.stream().map(BundleCheck::shortVersion).toList())).append(')');
        }
        return text.append('.').toString();
    }

    /** A version range in words: "≥ 1.2 und < 2"; empty for "any version". */
    static String describe(VersionRange range) {
        if (range.getLeft().equals(Version.emptyVersion) && range.getRight() == null) {
            return "";
        }
        if (range.getRight() != null && range.getLeft().equals(range.getRight())) {
            return "= " + shortVersion(range.getLeft());
        }
        String low = (range.getLeftType() == VersionRange.LEFT_CLOSED ? "≥ " : "> ") + shortVersion(range.getLeft());
        if (range.getRight() == null) {
            return low;
        }
        return low + " und " + (range.getRightType() == VersionRange.RIGHT_CLOSED ? "≤ " : "< ")
                + shortVersion(range.getRight());
    }

    /** 1.2.0 → 1.2, 2.0.0 → 2; a qualifier stays. */
    static String shortVersion(Version version) {
        if (!version.getQualifier().isEmpty()) {
            return version.toString();
        }
        if (version.getMicro() != 0) {
            return version.getMajor() + "." + version.getMinor() + "." + version.getMicro();
        }
        if (version.getMinor() != 0) {
            return version.getMajor() + "." + version.getMinor();
        }
        return Integer.toString(version.getMajor());
    }

    private static VersionRange range(String text) {
        return text == null ? new VersionRange(VersionRange.LEFT_CLOSED, Version.emptyVersion, null,
                VersionRange.RIGHT_OPEN) : VersionRange.valueOf(text);
    }

    private static Version version(Object value) {
        if (value instanceof Version v) {
            return v;
        }
        return value == null ? Version.emptyVersion : Version.parseVersion(value.toString());
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

    private static String printable(String text) {
        if (text == null) {
            return "";
        }
        String cleaned = text.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 120 ? cleaned.substring(0, 120) + "…" : cleaned;
    }
}
