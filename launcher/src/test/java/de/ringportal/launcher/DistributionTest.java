package de.ringportal.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.Test;

/** The shipped bundle index and the jars the build copies must agree, or a bundle would silently be missing. */
public class DistributionTest {

    /** Every line of bundles.txt names a jar the build copied, and every copied jar is listed. */
    @Test
    public void index_lists_exactly_the_copied_bundles() throws IOException {
        Path folder = Path.of("target/classes/bundles");
        Set<String> copied;
        try (Stream<Path> files = Files.list(folder)) {
            copied = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".jar"))
                    .collect(Collectors.toSet());
        }
        List<String> listed = Distribution.parse(Files.newInputStream(folder.resolve("bundles.txt"))).stream()
                .map(Distribution.Entry::file).toList();

        assertEquals(copied, Set.copyOf(listed));
        assertEquals("no bundle listed twice", listed.size(), Set.copyOf(listed).size());
    }

    /** SPI Fly starts before slf4j and the portal's own bundles start last. */
    @Test
    public void start_levels_put_spi_fly_first_and_the_portal_last() throws IOException {
        List<Distribution.Entry> entries = Distribution.parse(
                Files.newInputStream(Path.of("target/classes/bundles/bundles.txt")));
        int spifly = level(entries, "org.apache.aries.spifly.dynamic.bundle.jar");
        assertTrue(spifly <= level(entries, "slf4j-api.jar"));
        assertTrue(level(entries, "org.apache.felix.scr.jar") < level(entries, "core.jar"));
        assertEquals(level(entries, "core.jar"), level(entries, "site.jar"));
    }

    private static int level(List<Distribution.Entry> entries, String file) {
        return entries.stream().filter(entry -> entry.file().equals(file)).findFirst().orElseThrow().startLevel();
    }
}
