package de.ringportal.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Enumeration;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

import de.ringportal.core.data.Sql;

/**
 * The folder where the page keeps bundle files: each version it installed or replaced (so a rollback can restore
 * it) and uploads waiting for the administrator's confirmation; and its index in the database, which file holds
 * which version of a module. File names are made here, never taken from the upload.
 */
final class Archive {

    private static final Pattern SAFE = Pattern.compile("[^A-Za-z0-9._-]");
    private static final Pattern PENDING_ID = Pattern.compile("[0-9a-f-]{36}");

    private final Path folder;
    private final Path pending;
    private final Sql sql;

    Archive(Path folder, DataSource dataSource) throws IOException {
        this.sql = Sql.over(dataSource);
        this.folder = Files.createDirectories(folder);
        this.pending = Files.createDirectories(folder.resolve("pending"));
    }

    /** A new empty file for an upload, named by a random id. */
    Path newUpload() {
        return pending.resolve(UUID.randomUUID() + ".jar");
    }

    /** The upload with this id, or null when the id is malformed or the file is gone. */
    Path upload(String id) {
        if (id == null || !PENDING_ID.matcher(id).matches()) {
            return null;
        }
        Path file = pending.resolve(id + ".jar");
        return Files.isRegularFile(file) ? file : null;
    }

    static String idOf(Path upload) {
        String name = upload.getFileName().toString();
        return name.substring(0, name.length() - ".jar".length());
    }

    /** Copies a checked upload into the archive as {@code <symbolic name>-<version>.jar}; returns the file name. */
    String keep(Path upload, String symbolicName, Version version) throws IOException {
        String name = fileName(symbolicName, version);
        Files.copy(upload, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        return name;
    }

    /**
     * Writes the installed bundle's own entries back into a jar (manifest first), for bundles that came from
     * elsewhere (the distribution, an earlier upload whose file is lost) and are about to change.
     */
    String repack(Bundle bundle) throws IOException {
        String name = fileName(bundle.getSymbolicName(), bundle.getVersion());
        Path target = folder.resolve(name);
        Path temporary = folder.resolve(name + ".part");
        try (OutputStream file = Files.newOutputStream(temporary); JarOutputStream jar = new JarOutputStream(file)) {
            copyEntry(bundle, "META-INF/MANIFEST.MF", jar);
            Deque<String> folders = new ArrayDeque<>();
            folders.add("/");
            while (!folders.isEmpty()) {
                Enumeration<String> paths = bundle.getEntryPaths(folders.poll());
                while (paths != null && paths.hasMoreElements()) {
                    String path = paths.nextElement();
                    if (path.endsWith("/")) {
                        folders.add(path);
                        jar.putNextEntry(new ZipEntry(path));
                        jar.closeEntry();
                    } else if (!path.equals("META-INF/MANIFEST.MF")) {
                        copyEntry(bundle, path, jar);
                    }
                }
            }
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        return name;
    }

    private static void copyEntry(Bundle bundle, String path, JarOutputStream jar) throws IOException {
        URL entry = bundle.getEntry(path);
        if (entry == null) {
            return;
        }
        jar.putNextEntry(new JarEntry(path));
        try (InputStream in = entry.openStream()) {
            in.transferTo(jar);
        }
        jar.closeEntry();
    }

    /** The archived file with this name, or null when it is missing. */
    Path file(String name) {
        if (name == null || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            return null;
        }
        Path file = folder.resolve(name);
        return Files.isRegularFile(file) ? file : null;
    }

    /** The archived file of the bundle's current version, written now from the bundle if there is none yet. */
    String archived(Bundle bundle) throws IOException {
        String known = fileOf(bundle.getSymbolicName(), bundle.getVersion());
        if (known != null && file(known) != null) {
            return known;
        }
        String file = repack(bundle);
        remember(bundle.getSymbolicName(), bundle.getVersion(), file);
        return file;
    }

    /** The file name the index holds for this version, or null. */
    String fileOf(String symbolicName, Version version) {
        return sql.first("SELECT archive_file FROM admin_archive WHERE symbolic_name = ? AND version = ?",
                row -> row.getString(1), symbolicName, version.toString()).orElse(null);
    }

    /** Records in the index that this file holds this version. */
    void remember(String symbolicName, Version version, String file) {
        sql.write(tx -> {
            tx.update("DELETE FROM admin_archive WHERE symbolic_name = ? AND version = ?", symbolicName,
                    version.toString());
            return tx.update("INSERT INTO admin_archive (symbolic_name, version, archive_file) VALUES (?, ?, ?)",
                    symbolicName, version.toString(), file);
        });
    }

    private static String fileName(String symbolicName, Version version) {
        return SAFE.matcher(symbolicName).replaceAll("_") + "-" + SAFE.matcher(version.toString()).replaceAll("_")
                + ".jar";
    }
}
