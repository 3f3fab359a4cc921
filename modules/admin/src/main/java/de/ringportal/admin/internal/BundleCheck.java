package de.ringportal.admin.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;

import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/**
 * Checks an uploaded file before anything in the framework changes: that it is a sound JAR (no ZIP bomb, no path
 * tricks), that it is an OSGi bundle whose manifest tells the truth about its contents, and that every requirement
 * it declares (Import-Package, Require-Bundle, Require-Capability, Fragment-Host) is met by a bundle that is
 * resolved right now. Each problem becomes one German sentence for the administrator. The steps are
 * {@link ArchiveCheck}, {@link ManifestCheck} and {@link RequirementCheck}; this class runs them in that order.
 */
final class BundleCheck {

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
        Set<String> entries = new HashSet<>();
        String archiveProblem = ArchiveCheck.scan(file, entries);
        if (archiveProblem != null) {
            return refused(archiveProblem);
        }
        Attributes main;
        try {
            main = ManifestCheck.mainAttributes(file);
        } catch (IOException | SecurityException e) {
            return refused("Die Datei ist kein lesbares JAR-Archiv.");
        }
        if (main == null) {
            return refused("Die Datei ist kein OSGi-Modul: Ihr fehlt das Manifest (META-INF/MANIFEST.MF).");
        }
        String symbolicName = ManifestCheck.symbolicName(main);
        if (symbolicName == null) {
            return refused("Die Datei ist kein OSGi-Modul: Ihr Manifest nennt keinen Bundle-SymbolicName.");
        }
        List<String> problems = new ArrayList<>();
        if (!ManifestCheck.isR4(main)) {
            problems.add("Das Manifest ist kein OSGi-R4-Manifest (Bundle-ManifestVersion muss 2 sein).");
        }
        Version version;
        try {
            version = ManifestCheck.version(main);
        } catch (IllegalArgumentException e) {
            return new Result(symbolicName, Version.emptyVersion, symbolicName, List.of(
                    "Die Versionsangabe im Manifest ist ungültig: „" + main.getValue(Constants.BUNDLE_VERSION) + "“."));
        }
        String name = ManifestCheck.name(main, symbolicName);
        if (protectedNames.contains(symbolicName)) {
            problems.add("Die Datei gibt sich als Kernbestandteil des Portals aus (" + symbolicName
                    + "); Kernbestandteile lassen sich hier nicht ersetzen.");
        }
        try {
            ManifestCheck.checkContents(main, entries, problems);
            List<Offer> available = offers.stream()
                    .filter(offer -> replacing == null || !offer.provider().equals(replacing)).toList();
            RequirementCheck.check(main, available, problems);
        } catch (IllegalArgumentException malformed) {
            problems.add("Das Manifest ist fehlerhaft: " + malformed.getMessage());
        }
        return new Result(symbolicName, version, name, List.copyOf(problems));
    }

    private static Result refused(String problem) {
        return new Result("?", Version.emptyVersion, "?", List.of(problem));
    }
}
