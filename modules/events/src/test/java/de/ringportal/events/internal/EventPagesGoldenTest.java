package de.ringportal.events.internal;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.Test;

import de.ringportal.core.api.Pager;
import de.ringportal.core.forms.FormErrors;
import de.ringportal.core.testing.TestViews;

/**
 * The three kinds of page every feature has (a list, a detail, a form with errors), rendered whole in the real
 * layout and compared with their golden files in {@code src/test/resources/golden/}. A change to a template, a
 * shared partial or the layout shows up here first; the page as rendered is written to
 * {@code target/golden-actual/} so the difference can be read and, when intended, copied over the golden file.
 */
public class EventPagesGoldenTest {

    private static final TestViews VIEWS = TestViews.of(EventsPage.class);
    private static final Optional<List<RingChoice.Ring>> RINGS =
            Optional.of(List.of(new RingChoice.Ring("3", "Vergleichsring 3: ländliche Kreise")));

    private static final Event PUBLIC = new Event(7, "Fachtag Kennzahlen", LocalDateTime.of(2099, 11, 24, 10, 0),
            LocalDateTime.of(2099, 11, 24, 16, 0), "Kreishaus Biberach", null, "1. Begrüßung\n2. Kennzahlen 2098");
    private static final Event RING = new Event(8, "Ringtreffen <Herbst>", LocalDateTime.of(2099, 12, 1, 9, 30),
            LocalDateTime.of(2099, 12, 2, 13, 0), "Landratsamt", "3", "");

    @Test
    public void list_matches_its_golden_file() throws IOException {
        List<EventsPage.Row> rows = List.of(EventsPage.Row.of(PUBLIC, RINGS), EventsPage.Row.of(RING, RINGS));
        Pager pager = Pager.of("2", 45, 20, "/veranstaltungen?");
        assertGolden("events-list.html", VIEWS.page("/veranstaltungen", "Veranstaltungen", "events",
                new EventsPage.ListPage(rows, pager, true, "1.0.0")));
    }

    @Test
    public void detail_matches_its_golden_file() throws IOException {
        assertGolden("events-detail.html", VIEWS.page("/veranstaltungen/7", PUBLIC.title(), "event",
                new EventsPage.DetailPage(EventsPage.Row.of(PUBLIC, RINGS),
                        List.of(PUBLIC.agenda().split("\\R")), "1.0.0")));
    }

    /** Refused input: the summary first, each message at its field, the values as typed (escaped). */
    @Test
    public void form_with_errors_matches_its_golden_file() throws IOException {
        FormErrors errors = new FormErrors();
        errors.add("tag", "Bitte ein Datum angeben, zum Beispiel 24.11.2026.");
        errors.add("ende", "Das Ende liegt nicht nach dem Beginn.");
        EventForm typed = new EventForm("Fachtag <b>Kennzahlen</b>", "", "16:00", "10:00", "Kreishaus", "3",
                "1. Begrüßung");
        assertGolden("events-form-errors.html", VIEWS.page("/veranstaltungen/neu", "Veranstaltung eintragen",
                "event-form", new EventsPage.FormPage(typed, errors.byField(), errors.summary(), true, true,
                        List.of(new EventsPage.RingOption("3", "Vergleichsring 3: ländliche Kreise", true)))));
    }

    private static void assertGolden(String name, String html) throws IOException {
        Path actual = Path.of("target", "golden-actual", name);
        Files.createDirectories(actual.getParent());
        Files.writeString(actual, html, StandardCharsets.UTF_8);
        assertEquals("differs from src/test/resources/golden/" + name + " (rendered: " + actual + ")",
                TestViews.golden(name), html);
    }
}
