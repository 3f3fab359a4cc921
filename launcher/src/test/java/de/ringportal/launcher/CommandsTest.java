package de.ringportal.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The launcher's commands: which calls are commands, and the files a restore refuses before starting anything. */
public class CommandsTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void backup_and_restore_are_commands_options_are_not() {
        assertTrue(Commands.isCommand(new String[] { "backup", "x.zip" }));
        assertTrue(Commands.isCommand(new String[] { "restore", "x.zip", "--data-dir", "d" }));
        assertFalse(Commands.isCommand(new String[] { "--port", "8080" }));
        assertFalse(Commands.isCommand(new String[0]));
        assertEquals(2, Commands.run(new String[] { "backup" }));
        assertEquals(2, Commands.run(new String[] { "restore", "x.zip", "--unbekannt", "1" }));
    }

    @Test
    public void missing_truncated_or_foreign_files_are_refused_before_the_portal_starts() throws Exception {
        Path backup = folder.getRoot().toPath().resolve("sicherung.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(backup))) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write("{}".repeat(1000).getBytes());
            zip.closeEntry();
        }
        assertNull(Commands.unusable(backup));

        Path truncated = folder.getRoot().toPath().resolve("abgeschnitten.zip");
        byte[] whole = Files.readAllBytes(backup);
        Files.write(truncated, Arrays.copyOf(whole, whole.length - 30));
        assertTrue(Commands.unusable(truncated).contains("keine vollständige Sicherung"));

        Path foreign = folder.getRoot().toPath().resolve("fremd.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(foreign))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.closeEntry();
        }
        assertTrue(Commands.unusable(foreign).contains("manifest.json fehlt"));
        assertTrue(Commands.unusable(folder.getRoot().toPath().resolve("gibtsnicht.zip")).contains("fehlt"));
    }
}
