package de.ringportal.core.forms;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

import de.ringportal.core.format.GermanDates;
import de.ringportal.core.testing.TestViews;

/** Form errors: anchors, order, one message per field, status, and the shared summary partial. */
public class FormErrorsTest {

    /** Anchors are feld-<name>; the first message of a field stays; the order is the order found. */
    @Test
    public void anchors_order_and_first_message_per_field() {
        FormErrors errors = new FormErrors().add("titel", "Bitte einen Titel angeben.").add("tag", "Bitte ein Datum.")
                .add("titel", "Zweite Meldung.").add("ring", "gruppe-ring", "Bitte einen Ring wählen.")
                .add("a b/c", "Sonderzeichen.");

        assertEquals(List.of(new FieldError("titel", "feld-titel", "Bitte einen Titel angeben."),
                new FieldError("tag", "feld-tag", "Bitte ein Datum."),
                new FieldError("ring", "gruppe-ring", "Bitte einen Ring wählen."),
                new FieldError("a b/c", "feld-a_b_c", "Sonderzeichen.")), errors.list());
        assertEquals(Map.of("titel", "Bitte einen Titel angeben.", "tag", "Bitte ein Datum.", "ring",
                "Bitte einen Ring wählen.", "a b/c", "Sonderzeichen."), errors.byField());
        assertEquals(List.of("titel", "tag", "ring", "a b/c"), List.copyOf(errors.byField().keySet()));
        assertTrue(errors.has("tag"));
        assertFalse(errors.has("ort"));
        assertEquals("feld-titel", errors.list().get(0).target());
    }

    /** 422 by default, another error status on request, never a success status. */
    @Test
    public void status_is_422_unless_set() {
        FormErrors errors = new FormErrors();
        assertFalse(errors.hasErrors());
        assertFalse(errors.summary().hasErrors());
        assertEquals(422, errors.status());
        assertEquals(503, errors.status(503).status());
        assertThrows(IllegalArgumentException.class, () -> errors.status(200));
    }

    /** The summary renders through the unchanged shared partial exactly as its golden file shows. */
    @Test
    public void summary_renders_the_shared_partial_as_golden_file() {
        FormErrors errors = new FormErrors().add("titel", "Bitte einen Titel angeben.")
                .add("tag", "Bitte ein Datum angeben, zum Beispiel 24.11.2026 <heute>.");
        TestViews views = TestViews.of(GermanDates.class);

        assertEquals(TestViews.golden("shared-error-summary.html"),
                views.html("shared/error-summary", errors.summary()));
        assertEquals("", views.html("shared/error-summary", new FormErrors().summary()));
    }
}
