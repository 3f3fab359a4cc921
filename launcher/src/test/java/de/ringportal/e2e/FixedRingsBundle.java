package de.ringportal.e2e;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ops4j.pax.tinybundles.TinyBundle;
import org.ops4j.pax.tinybundles.TinyBundles;

/**
 * Writes the {@link FixedRings} bundle: drop it into the portal's deploy folder, and the key figures see these rings.
 * Also a command for the benchmark script: {@code FixedRingsBundle out.jar 4=08426,08435 5=...}.
 */
public final class FixedRingsBundle {

    private FixedRingsBundle() {
    }

    /** Ring id → member AGS; every ring is named "Vergleichsring N (Test)". */
    public static Path write(Path jar, Map<String, List<String>> rings) throws IOException {
        StringBuilder properties = new StringBuilder("rings=" + String.join(",", rings.keySet()) + "\n");
        rings.forEach((id, members) -> properties.append("ring.").append(id).append(".name=Vergleichsring ")
                .append(id).append(" (Test)\nring.").append(id).append(".members=")
                .append(String.join(",", members)).append('\n'));
        TinyBundle bundle = TinyBundles.bundle()
                .setHeader("Bundle-ManifestVersion", "2")
                .symbolicName("de.ringportal.test.fixedrings")
                .setHeader("Bundle-Version", "1.0.0")
                .setHeader("Bundle-Activator", FixedRings.class.getName())
                .setHeader("Import-Package", "de.ringportal.rings.api,org.osgi.framework")
                .addClass(FixedRings.class)
                .addResource(FixedRings.RESOURCE,
                        new ByteArrayInputStream(properties.toString().getBytes(StandardCharsets.ISO_8859_1)));
        try (InputStream in = bundle.build(TinyBundles.rawBuilder())) {
            Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        return jar;
    }

    public static void main(String[] args) throws IOException {
        Map<String, List<String>> rings = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] parts = args[i].split("=", 2);
            rings.put(parts[0], List.of(parts[1].split(",")));
        }
        write(Path.of(args[0]), rings);
    }
}
