package de.ringportal.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.ops4j.pax.tinybundles.TinyBundle;
import org.ops4j.pax.tinybundles.TinyBundles;

/**
 * The files the bundle administration tests upload: a second build of the events module, and bundles that must be
 * refused. Runs in the test JVM, from a {@code @Configuration} (TinyBundles is on the class path there only).
 */
final class TestBundles {

    /** Failsafe sets it (launcher/pom.xml): the events module's jar as the reactor built it. */
    static final String EVENTS_JAR = "ringportal.it.events";

    private TestBundles() {
    }

    static Path eventsJar() {
        String file = System.getProperty(EVENTS_JAR, "../modules/events/target/events-0.1.0-SNAPSHOT.jar");
        Path jar = Path.of(file).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build modules/events first");
        }
        return jar;
    }

    /** The events jar with another Bundle-Version: a second build, which its pages announce. */
    static Path eventsWithVersion(Path directory, String version) throws IOException {
        Path target = directory.resolve("events-" + version + ".jar");
        try (JarInputStream in = new JarInputStream(Files.newInputStream(eventsJar()));
                OutputStream file = Files.newOutputStream(target)) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            try (JarOutputStream out = new JarOutputStream(file, manifest)) {
                JarEntry entry;
                while ((entry = in.getNextJarEntry()) != null) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    /** A bundle importing a package in a version nobody exports. */
    static Path unresolvable(Path directory) throws IOException {
        return write(directory, "unresolvable.jar", TinyBundles.bundle()
                .setHeader("Bundle-ManifestVersion", "2")
                .symbolicName("de.ringportal.it.unresolvable")
                .setHeader("Bundle-Version", "1.0.0")
                .setHeader("Import-Package", "de.example.missing;version=\"[1.2,2)\",org.osgi.framework")
                .addResource("readme.txt", text("needs de.example.missing")));
    }

    /** A bundle whose activator throws on start. */
    static Path throwingActivator(Path directory) throws IOException {
        return write(directory, "throwing.jar", TinyBundles.bundle()
                .setHeader("Bundle-ManifestVersion", "2")
                .symbolicName("de.ringportal.it.throwing")
                .setHeader("Bundle-Version", "1.0.0")
                .setHeader("Bundle-Activator", ThrowingActivator.class.getName())
                .setHeader("Import-Package", "org.osgi.framework")
                .addClass(ThrowingActivator.class));
    }

    /** A bundle that registers a servlet on /impressum, the site module's route, with a higher ranking. */
    static Path routeCollision(Path directory) throws IOException {
        return write(directory, "collision.jar", TinyBundles.bundle()
                .setHeader("Bundle-ManifestVersion", "2")
                .symbolicName("de.ringportal.it.collision")
                .setHeader("Bundle-Version", "1.0.0")
                .setHeader("Bundle-Activator", CollidingRoute.class.getName())
                .setHeader("Import-Package", "org.osgi.framework,jakarta.servlet,jakarta.servlet.http")
                .addClass(CollidingRoute.class)
                .addClass(CollidingRoute.Page.class));
    }

    /** A manifest that names an activator and an exported package the jar does not contain. */
    static Path lyingManifest(Path directory) throws IOException {
        return write(directory, "lying.jar", TinyBundles.bundle()
                .setHeader("Bundle-ManifestVersion", "2")
                .symbolicName("de.ringportal.it.lying")
                .setHeader("Bundle-Version", "1.0.0")
                .setHeader("Bundle-Activator", "de.lies.Starter")
                .setHeader("Export-Package", "de.lies.api;version=1.0.0")
                .addResource("readme.txt", text("nothing of what the manifest says")));
    }

    /** A metatype description with a password attribute, for the settings form. */
    static Path secrets(Path directory) throws IOException {
        String metatype = """
                <?xml version="1.0" encoding="UTF-8"?>
                <metatype:MetaData xmlns:metatype="http://www.osgi.org/xmlns/metatype/v1.4.0">
                  <OCD id="de.ringportal.it.secrets" name="Testzugang" description="Zugang zu einem Testdienst.">
                    <AD id="user" name="Benutzer" type="String" default="portal"/>
                    <AD id="password" name="Passwort" type="Password" default=""/>
                    <AD id="retries" name="Wiederholungen" type="Integer" default="3" min="0" max="10"/>
                  </OCD>
                  <Designate pid="de.ringportal.it.secrets"><Object ocdref="de.ringportal.it.secrets"/></Designate>
                </metatype:MetaData>
                """;
        return write(directory, "secrets.jar", TinyBundles.bundle()
                .setHeader("Bundle-ManifestVersion", "2")
                .symbolicName("de.ringportal.it.secrets")
                .setHeader("Bundle-Version", "1.0.0")
                .addResource("OSGI-INF/metatype/secrets.xml", text(metatype)));
    }

    /** A valid bundle manifest plus 64 MB of zeros that deflate to a few hundred kB: a ZIP bomb. */
    static Path zipBomb(Path directory) throws IOException {
        Path target = directory.resolve("bomb.jar");
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "de.ringportal.it.bomb");
        main.putValue("Bundle-Version", "1.0.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
            out.setLevel(9);
            out.putNextEntry(new ZipEntry("data/zeros.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        return target;
    }

    /** A jar that is no bundle (no Bundle-SymbolicName), and a file that is no jar at all. */
    static Path plainJar(Path directory) throws IOException {
        Path target = directory.resolve("plain.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
            out.putNextEntry(new ZipEntry("hello.txt"));
            out.write("hello".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return target;
    }

    private static Path write(Path directory, String name, TinyBundle bundle) throws IOException {
        Path jar = directory.resolve(name);
        try (InputStream in = bundle.build(TinyBundles.rawBuilder())) {
            Files.copy(in, jar);
        }
        return jar;
    }

    private static InputStream text(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }
}
