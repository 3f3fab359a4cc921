package de.ringportal.admin.internal;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/** The check before an install, against a made-up set of offers: each problem named in German, nothing else. */
public class BundleCheckTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private static final List<Offer> OFFERS = List.of(
            new Offer("osgi.wiring.package", Map.of("osgi.wiring.package", "de.ringportal.core.api",
                    "version", new Version(1, 2, 0)), "de.ringportal.core 0.1.0"),
            new Offer("osgi.wiring.package", Map.of("osgi.wiring.package", "jakarta.servlet",
                    "version", new Version(6, 0, 0)), "servlet-api 6.1.0"),
            new Offer("osgi.ee", Map.of("osgi.ee", "JavaSE", "version", List.of(new Version(17, 0, 0))), "system"),
            new Offer("osgi.extender", Map.of("osgi.extender", "osgi.component", "version", new Version(1, 5, 0)),
                    "scr"));

    @Test
    public void a_bundle_whose_requirements_are_offered_passes() throws IOException {
        BundleCheck.Result result = check(Map.of(
                "Import-Package", "de.ringportal.core.api;version=\"[1.2,2)\",jakarta.servlet;version=\"[6.0,7)\"",
                "Require-Capability", "osgi.extender;filter:=\"(&(osgi.extender=osgi.component)(version>=1.5.0))\","
                        + "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\",osgi.service;filter:=\"(objectClass=x)\";"
                        + "effective:=active"));

        assertEquals(List.of(), result.problems());
        assertEquals("de.ringportal.test", result.symbolicName());
        assertEquals(new Version(1, 0, 0), result.version());
    }

    @Test
    public void a_missing_package_is_named_with_its_range() throws IOException {
        BundleCheck.Result result = check(Map.of("Import-Package", "de.example.missing;version=\"[1.2,2)\""));

        assertEquals(List.of("Braucht Paket de.example.missing in Version ≥ 1.2 und < 2, das kein installiertes Modul "
                + "anbietet."), result.problems());
    }

    @Test
    public void a_package_offered_only_in_another_version_says_which() throws IOException {
        BundleCheck.Result result = check(Map.of("Import-Package", "de.ringportal.core.api;version=\"[2.0,3)\""));

        assertEquals(List.of("Braucht Paket de.ringportal.core.api in Version ≥ 2 und < 3, das kein installiertes "
                + "Modul anbietet (vorhanden nur in Version 1.2)."), result.problems());
    }

    @Test
    public void optional_imports_and_own_exports_need_no_provider() throws IOException {
        Path jar = jar(Map.of("Import-Package", "de.example.optional;resolution:=optional,de.own.api;version=1.0",
                "Export-Package", "de.own.api;version=1.0.0"), Map.of("de/own/api/Thing.class", new byte[] {1}));

        assertEquals(List.of(), BundleCheck.check(jar, OFFERS, Set.of(), null).problems());
    }

    @Test
    public void a_missing_extender_is_named() throws IOException {
        BundleCheck.Result result = check(Map.of("Require-Capability",
                "osgi.extender;filter:=\"(osgi.extender=osgi.cdi)\""));

        assertThat(result.problems().get(0), containsString("Braucht die Fähigkeit osgi.extender (osgi.extender=osgi.cdi)"));
    }

    @Test
    public void a_manifest_that_lies_about_its_contents_is_refused() throws IOException {
        BundleCheck.Result result = check(Map.of("Bundle-Activator", "de.lies.Starter",
                "Export-Package", "de.lies.api"));

        assertEquals(List.of("Das Manifest nennt die Startklasse de.lies.Starter, die in der Datei fehlt.",
                "Das Manifest bietet das Paket de.lies.api an, das in der Datei fehlt."), result.problems());
    }

    @Test
    public void a_file_claiming_to_be_a_core_bundle_is_refused() throws IOException {
        Path jar = jar(Map.of("Bundle-SymbolicName", "de.ringportal.core"), Map.of());

        assertThat(BundleCheck.check(jar, OFFERS, BundleInventory.CORE, null).problems().get(0),
                containsString("gibt sich als Kernbestandteil des Portals aus"));
    }

    @Test
    public void files_that_are_no_bundle_are_refused() throws IOException {
        Path text = folder.newFile("notes.jar").toPath();
        Files.writeString(text, "keine JAR-Datei");
        assertThat(BundleCheck.check(text, OFFERS, Set.of(), null).problems().get(0), containsString("kein"));

        Path plain = folder.getRoot().toPath().resolve("plain.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(plain), manifest)) {
            out.putNextEntry(new ZipEntry("a.txt"));
            out.write(1);
        }
        assertEquals(List.of("Die Datei ist kein OSGi-Modul: Ihr Manifest nennt keinen Bundle-SymbolicName."),
                BundleCheck.check(plain, OFFERS, Set.of(), null).problems());
    }

    @Test
    public void a_zip_bomb_is_refused_before_it_is_unpacked_in_full() throws IOException {
        byte[] zeros = new byte[32 * 1024 * 1024];
        Path jar = jar(Map.of(), Map.of("data/zeros.bin", zeros));

        BundleCheck.Result result = BundleCheck.check(jar, OFFERS, Set.of(), null);

        assertThat(result.problems().get(0), containsString("ZIP-Bombe"));
    }

    @Test
    public void paths_leaving_the_archive_are_refused() throws IOException {
        Path jar = jar(Map.of(), Map.of("../../etc/evil.txt", new byte[] {1}));

        assertThat(BundleCheck.check(jar, OFFERS, Set.of(), null).problems().get(0),
                containsString("unzulässigen Pfad"));
    }

    @Test
    public void a_malformed_header_is_a_problem_not_an_exception() throws IOException {
        BundleCheck.Result result = check(Map.of("Import-Package", "de.x;version=\"[1.0,2.0)"));

        assertThat(result.problems().get(0), containsString("Das Manifest ist fehlerhaft"));
    }

    @Test
    public void ranges_read_as_people_say_them() {
        assertEquals("≥ 1.2 und < 2", RequirementCheck.describe(VersionRange.valueOf("[1.2,2)")));
        assertEquals("≥ 1.2", RequirementCheck.describe(VersionRange.valueOf("1.2")));
        assertEquals("= 1.0.1", RequirementCheck.describe(VersionRange.valueOf("[1.0.1,1.0.1]")));
        assertEquals("> 1 und ≤ 3.1", RequirementCheck.describe(VersionRange.valueOf("(1,3.1]")));
        assertEquals("", RequirementCheck.describe(VersionRange.valueOf("0")));
    }

    private BundleCheck.Result check(Map<String, String> headers) throws IOException {
        return BundleCheck.check(jar(headers, Map.of()), OFFERS, Set.of(), null);
    }

    private Path jar(Map<String, String> headers, Map<String, byte[]> entries) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "de.ringportal.test");
        main.putValue("Bundle-Version", "1.0.0");
        headers.forEach(main::putValue);
        Path jar = Files.createTempFile(folder.getRoot().toPath(), "bundle", ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("test".getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
            }
        }
        assertTrue(Files.size(jar) > 0);
        return jar;
    }
}
