package de.ringportal.news.internal;

import java.text.Normalizer;
import java.util.Locale;

/** Readable URL segments from titles: "Neue Kennzahlen für 2026!" becomes "neue-kennzahlen-fuer-2026". */
final class Slugs {

    static final int MAX = 80;

    private Slugs() {
    }

    static String of(String title) {
        String text = title.toLowerCase(Locale.GERMAN)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        text = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        text = text.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (text.length() > MAX) {
            text = text.substring(0, MAX).replaceAll("-+$", "");
        }
        return text.isEmpty() ? "beitrag" : text;
    }
}
