package de.ringportal.reports.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import de.ringportal.core.forms.FormErrors;
import de.ringportal.core.format.GermanDates;

/**
 * The fields of the upload form, as sent, and their check. Values are kept as typed (escaped on output), so a title
 * with {@code <script>} or {@code {{mustache}}} is stored and shown as the text it is.
 */
final class ReportForm {

    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 4000;
    static final String PUBLIC = "oeffentlich";
    static final String RINGS = "ringe";

    final String title;
    final String year;
    final String description;
    final String audience;
    final Set<String> rings;
    final String release;
    final FormErrors errors = new FormErrors();

    private ReportForm(Map<String, List<String>> fields) {
        this.title = clean(first(fields, "titel"));
        this.year = clean(first(fields, "jahr"));
        this.description = first(fields, "beschreibung").replace("\u0000", "").strip();
        this.audience = clean(first(fields, "zielgruppe"));
        this.rings = new TreeSet<>(fields.getOrDefault("ring", List.of()));
        this.release = clean(first(fields, "freigabe"));
    }

    /** The fields as sent, unchecked (to show them again after a refused file). */
    static ReportForm unchecked(Map<String, List<String>> fields) {
        return new ReportForm(fields);
    }

    static ReportForm empty(int currentYear) {
        return new ReportForm(Map.of("jahr", List.of(Integer.toString(currentYear))));
    }

    /** The stored values of a report, as the edit form shows them first. */
    static ReportForm of(Report report) {
        Map<String, List<String>> fields = new HashMap<>();
        fields.put("titel", List.of(report.title()));
        fields.put("jahr", List.of(Integer.toString(report.year())));
        fields.put("beschreibung", List.of(report.description()));
        fields.put("zielgruppe", List.of(report.isPublic() ? PUBLIC : RINGS));
        fields.put("ring", List.copyOf(report.rings()));
        fields.put("freigabe", List.of(report.releaseAt() == null ? ""
                : LocalDate.ofInstant(report.releaseAt(), GermanDates.BERLIN).toString()));
        return new ReportForm(fields);
    }

    /**
     * Reads and checks the fields.
     *
     * @param allowedRings ring ids the sender may address
     * @param mayPublish   whether the sender may address everyone (the Redaktion)
     */
    static ReportForm check(Map<String, List<String>> fields, Set<String> allowedRings, boolean mayPublish) {
        ReportForm form = new ReportForm(fields);
        if (form.title.isEmpty()) {
            form.errors.add("titel", "Bitte geben Sie einen Titel ein.");
        } else if (form.title.length() > TITLE_MAX) {
            form.errors.add("titel", "Der Titel hat höchstens " + TITLE_MAX + " Zeichen.");
        }
        if (!form.year.matches("(19|20|21)[0-9]{2}")) {
            form.errors.add("jahr", "Bitte geben Sie das Berichtsjahr vierstellig ein, z. B. " + Year.now() + ".");
        }
        if (form.description.length() > DESCRIPTION_MAX) {
            form.errors.add("beschreibung", "Die Beschreibung hat höchstens " + DESCRIPTION_MAX + " Zeichen.");
        }
        boolean toPublic = PUBLIC.equals(form.audience) || form.audience.isEmpty() && mayPublish && form.rings.isEmpty();
        if (toPublic && !mayPublish) {
            form.errors.add("zielgruppe", "Öffentliche Berichte stellt nur die Redaktion ein. Bitte wählen Sie "
                    + "Ihren Vergleichsring.");
        } else if (!toPublic && form.rings.isEmpty()) {
            form.errors.add("zielgruppe", "Bitte wählen Sie mindestens einen Vergleichsring.");
        } else if (!toPublic && !allowedRings.containsAll(form.rings)) {
            form.errors.add("zielgruppe", "Sie dürfen nur für Ihre eigenen Vergleichsringe Berichte einstellen.");
        }
        if (toPublic) {
            form.rings.clear();
        }
        if (!form.release.isEmpty() && form.releaseAt() == null) {
            form.errors.add("freigabe", "Bitte geben Sie das Freigabedatum als Datum ein (z. B. 2026-12-31) "
                    + "oder lassen Sie das Feld leer.");
        }
        return form;
    }

    boolean valid() {
        return !errors.hasErrors();
    }

    /**
     * Start of the release day in Berlin, or null when none (or unreadable). Strict, as {@link GermanDates#parse} is:
     * 31.2.2026 is no day (it used to become 28.2.2026).
     */
    Instant releaseAt() {
        return GermanDates.parse(release).map(GermanDates::startOf).orElse(null);
    }

    ReportStore.Details details() {
        return new ReportStore.Details(title, Integer.parseInt(year), description, Set.copyOf(rings), releaseAt());
    }

    private static String first(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }

    /** One line of text: control characters (NUL included) become spaces, runs of space one. */
    static String clean(String value) {
        return value.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
    }
}
