package de.ringportal.launcher;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;

/**
 * The bundles shipped inside the launcher jar, read from {@code bundles/bundles.txt}: one line per bundle with
 * its start level and file name.
 */
public final class Distribution {

    static final String INDEX = "bundles/bundles.txt";

    /** One shipped bundle. */
    public record Entry(int startLevel, String file) {

        /** Bundle location: stable across versions, so a newer launcher updates the bundle in place. */
        public String location() {
            return "ringportal:" + file;
        }

        /** The jar's bytes, from the launcher's class path. */
        public byte[] bytes() {
            try (InputStream in = Distribution.class.getClassLoader().getResourceAsStream("bundles/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("Bundle missing from the launcher jar: " + file);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * CRC-32 and size of the jar as the launcher jar's directory records them, known without reading the bundle;
         * null when the bundles are not inside a jar (as in the launcher's own tests).
         */
        public String fingerprint() {
            URL url = Distribution.class.getClassLoader().getResource("bundles/" + file);
            if (url == null) {
                throw new IllegalStateException("Bundle missing from the launcher jar: " + file);
            }
            try {
                URLConnection connection = url.openConnection();
                if (connection instanceof JarURLConnection jar) {
                    JarEntry entry = jar.getJarEntry();
                    if (entry.getCrc() != -1 && entry.getSize() != -1) {
                        return Long.toHexString(entry.getCrc()) + ":" + entry.getSize();
                    }
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Distribution() {
    }

    /** The entries of the index, in install order. */
    public static List<Entry> entries() {
        InputStream index = Distribution.class.getClassLoader().getResourceAsStream(INDEX);
        if (index == null) {
            throw new IllegalStateException(INDEX + " is missing from the launcher's class path");
        }
        return parse(index);
    }

    static List<Entry> parse(InputStream index) {
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                entries.add(new Entry(Integer.parseInt(parts[0]), parts[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
