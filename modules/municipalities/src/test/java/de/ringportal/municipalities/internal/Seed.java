package de.ringportal.municipalities.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The bundled seed file, read as the registry reads it. */
final class Seed {

    private Seed() {
    }

    static byte[] bytes() {
        try (InputStream in = Seed.class.getClassLoader().getResourceAsStream(Registry.SEED)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Entry> entries() {
        RegistryCsv.Result result = RegistryCsv.read(bytes());
        if (!result.valid()) {
            throw new AssertionError("seed invalid: " + result.problems());
        }
        return result.entries();
    }
}
