package de.ringportal.core.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A backup file opened for restore, checked whole before anything is read from it: the zip must be complete (a
 * truncated file has no central directory), the manifest readable and of a format this code knows, and every part it
 * lists present with its size and SHA-256.
 */
final class BackupFile implements AutoCloseable {

    private final ZipFile zip;
    private final Manifest manifest;

    private BackupFile(ZipFile zip, Manifest manifest) {
        this.zip = zip;
        this.manifest = manifest;
    }

    static BackupFile open(Path file) throws Refused {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new Refused("Die Datei " + file.getFileName() + " ist keine vollständige Sicherung (beschädigt "
                    + "oder abgeschnitten).", e);
        } catch (IOException e) {
            throw new Refused("Die Datei " + file + " lässt sich nicht lesen: " + e.getMessage(), e);
        }
        try {
            Manifest manifest = check(zip);
            return new BackupFile(zip, manifest);
        } catch (Refused | RuntimeException e) {
            close(zip);
            throw e;
        }
    }

    private static Manifest check(ZipFile zip) throws Refused {
        ZipEntry entry = zip.getEntry(Manifest.NAME);
        if (entry == null) {
            throw new Refused("Die Datei ist keine Sicherung des Ringportals: manifest.json fehlt.");
        }
        Manifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = Manifest.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new Refused("Die Sicherung ist beschädigt: " + e.getMessage(), e);
        }
        if (manifest.format() > Manifest.FORMAT) {
            throw new Refused("Die Sicherung hat das Format " + manifest.format() + ", dieses Portal kennt nur bis "
                    + Manifest.FORMAT + ". Bitte zuerst das Portal aktualisieren.");
        }
        Set<String> listed = new HashSet<>();
        for (Manifest.Part part : manifest.parts()) {
            if (!safe(part.name())) {
                throw new Refused("Die Sicherung ist beschädigt: unzulässiger Pfad " + part.name() + ".");
            }
            listed.add(part.name());
            verify(zip, part);
        }
        for (Manifest.TableEntry table : manifest.tables()) {
            require(listed, table.part());
        }
        for (Manifest.BundleEntry bundle : manifest.bundles()) {
            require(listed, bundle.part());
        }
        return manifest;
    }

    /** A part is a table, a bundle or a file inside one of the folders a backup holds: never anywhere else. */
    static boolean safe(String name) {
        if (name.contains("..") || name.contains("\\") || name.startsWith("/") || name.contains("//")) {
            return false;
        }
        if (name.startsWith("files/")) {
            return BackupWriter.FOLDERS.stream().anyMatch(folder -> name.startsWith("files/" + folder + "/"));
        }
        return name.matches("(tables/[a-z0-9_]+\\.jsonl|bundles/[A-Za-z0-9._-]+\\.jar)");
    }

    private static void require(Set<String> listed, String part) throws Refused {
        if (!listed.contains(part)) {
            throw new Refused("Die Sicherung ist beschädigt: der Teil " + part + " fehlt im Verzeichnis.");
        }
    }

    private static void verify(ZipFile zip, Manifest.Part part) throws Refused {
        ZipEntry entry = zip.getEntry(part.name());
        if (entry == null) {
            throw new Refused("Die Sicherung ist beschädigt: der Teil " + part.name() + " fehlt.");
        }
        try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha256())) {
            long size = in.transferTo(java.io.OutputStream.nullOutputStream());
            String hash = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            if (size != part.size() || !hash.equals(part.sha256())) {
                throw new Refused("Die Sicherung ist beschädigt: die Prüfsumme von " + part.name()
                        + " stimmt nicht.");
            }
        } catch (IOException e) {
            throw new Refused("Die Sicherung ist beschädigt: " + part.name() + " lässt sich nicht lesen ("
                    + e.getMessage() + ").", e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Manifest manifest() {
        return manifest;
    }

    /** The bytes of a part that {@link #open} checked. */
    InputStream part(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException("Teil fehlt: " + name);
        }
        return zip.getInputStream(entry);
    }

    @Override
    public void close() {
        close(zip);
    }

    private static void close(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // read only: nothing to lose
        }
    }
}
