package de.ringportal.reports.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

/** The edit form: stored values shown again, the upload's checks for moderators, and the audit's change lines. */
public class MetadataChangesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    /** The form opens with the stored values, the release date as the Berlin calendar day. */
    @Test
    public void form_shows_the_stored_values() {
        Report report = new Report(7, "Kennzahlen <b>", 2024, "Text", Set.of("3"),
                Instant.parse("2026-12-30T23:00:00Z"), NOW, "test", version());
        ReportForm form = ReportForm.of(report);
        assertEquals("Kennzahlen <b>", form.title);
        assertEquals("2024", form.year);
        assertEquals(ReportForm.RINGS, form.audience);
        assertEquals(Set.of("3"), form.rings);
        assertEquals("2026-12-31", form.release);
        assertEquals(report.releaseAt(), form.releaseAt());
    }

    /** A moderator of ring 3 cannot widen a report to ring 5 or to everyone; the Redaktion can. */
    @Test
    public void moderator_cannot_widen_the_audience() {
        Map<String, List<String>> toRing5 = fields("ringe", "3", "5");
        assertEquals("Sie dürfen nur für Ihre eigenen Vergleichsringe Berichte einstellen.",
                ReportForm.check(toRing5, Set.of("3"), false).errors.byField().get("zielgruppe"));
        Map<String, List<String>> toPublic = fields("oeffentlich");
        assertTrue(ReportForm.check(toPublic, Set.of("3"), false).errors.byField().get("zielgruppe")
                .startsWith("Öffentliche Berichte stellt nur die Redaktion ein."));
        assertTrue(ReportForm.check(toPublic, Set.of("1", "3", "5"), true).valid());
        assertTrue(ReportForm.check(fields("ringe", "3"), Set.of("3"), false).valid());
    }

    /** Every changed field gives one line; an unchanged form none. */
    @Test
    public void changes_name_each_changed_field() {
        Report before = new Report(7, "Alt", 2024, "Text", Set.of(), null, NOW, "test", version());
        assertEquals(List.of(), MetadataChanges.between(before,
                new ReportStore.Details("Alt", 2024, "Text", Set.of(), null), id -> "Vergleichsring " + id));
        List<String> changes = MetadataChanges.between(before, new ReportStore.Details("Neu", 2025, "Anders",
                Set.of("5", "3"), Instant.parse("2026-12-30T23:00:00Z")), id -> "Vergleichsring " + id);
        assertEquals(List.of("Titel: „Alt“ → „Neu“", "Berichtsjahr: 2024 → 2025", "Beschreibung geändert",
                "Zielgruppe: Öffentlich → Vergleichsring 3, Vergleichsring 5", "Freigabe: sofort → 31.12.2026"),
                changes);
    }

    /** A 200-character title is shortened in the audit line, so all changes fit its 500 characters. */
    @Test
    public void long_titles_are_shortened() {
        Report before = new Report(7, "a".repeat(200), 2024, "", Set.of(), null, NOW, "test", version());
        String line = MetadataChanges.between(before, new ReportStore.Details("b".repeat(200), 2024, "", Set.of(),
                null), id -> id).get(0);
        assertTrue(line, line.length() < 200);
    }

    private static Map<String, List<String>> fields(String audience, String... rings) {
        return Map.of("titel", List.of("Titel"), "jahr", List.of("2025"), "beschreibung", List.of(""),
                "zielgruppe", List.of(audience), "ring", List.of(rings), "freigabe", List.of(""));
    }

    private static Version version() {
        return new Version(7, 1, "a".repeat(64), 10, "a.pdf", FileKind.PDF, NOW, "test");
    }
}
