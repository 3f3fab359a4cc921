package de.ringportal.admin.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;

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
 * Whether every requirement an upload declares (Import-Package, Require-Bundle, Fragment-Host, Require-Capability
 * effective at resolve time) is met by a capability that a bundle resolved right now offers, or by the upload's own
 * exports; each one that is not becomes a German sentence naming the versions that are there.
 */
final class RequirementCheck {

    private RequirementCheck() {
    }

    /** Adds a German sentence to the problems for each requirement that no offer meets. */
    static void check(Attributes main, List<Offer> offers, List<String> problems) {
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
                    present.stream().map(RequirementCheck::shortVersion).toList())).append(')');
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
}
