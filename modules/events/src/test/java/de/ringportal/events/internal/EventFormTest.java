package de.ringportal.events.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import de.ringportal.core.forms.FieldError;
import de.ringportal.core.forms.Fields;
import de.ringportal.core.forms.FormErrors;
import jakarta.servlet.http.HttpServletRequest;

/** The event form's checks, one German message per field, in the order of the form. */
public class EventFormTest {

    private final FormErrors errors = new FormErrors();

    /** German day, a one-digit hour and an empty audience: a public event on that day. */
    @Test
    public void a_valid_form_is_an_event() {
        EventForm form = read(Map.of("titel", " Ringtreffen ", "tag", "24.11.2026", "beginn", "9:30", "ende", "16:00",
                "ort", "Kassel", "ring", "", "programm", "Begrüßung\nKennzahlen"));

        assertFalse(errors.hasErrors());
        assertEquals("2026-11-24", form.isoDay());
        assertEquals("09:30", form.isoFrom());
        Event event = form.event();
        assertEquals("Ringtreffen", event.title());
        assertEquals(LocalDateTime.of(2026, 11, 24, 9, 30), event.startsAt());
        assertEquals(LocalDateTime.of(2026, 11, 24, 16, 0), event.endsAt());
        assertNull(event.ringId());
        assertEquals("Begrüßung\nKennzahlen", event.agenda());
    }

    /** Every field wrong at once: each gets its message, linked to its input; the day is not shown back. */
    @Test
    public void each_wrong_field_gets_its_message() {
        EventForm form = read(Map.of("titel", "", "tag", "1999-01-01", "beginn", "25:00", "ende", "x", "ort",
                "o".repeat(201), "ring", "../x", "programm", "p".repeat(4001)));

        assertEquals(List.of("titel", "tag", "beginn", "ende", "ort", "ring", "programm"),
                errors.list().stream().map(FieldError::field).toList());
        assertEquals("feld-tag", errors.list().get(1).anchor());
        assertEquals("Bitte ein Datum angeben, zum Beispiel 24.11.2026.", errors.byField().get("tag"));
        assertEquals("", form.isoDay());
        assertEquals("../x", form.ring());
    }

    /** An end at or before the start is refused at the end field. */
    @Test
    public void the_end_must_follow_the_start() {
        read(Map.of("titel", "T", "tag", "2026-11-24", "beginn", "10:00", "ende", "10:00", "ort", "O"));

        assertEquals(Map.of("ende", "Das Ende liegt nicht nach dem Beginn."), errors.byField());
    }

    private EventForm read(Map<String, String> values) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getParameter(anyString())).thenAnswer(call -> values.get(call.getArgument(0)));
        return EventForm.of(Fields.of(request, errors));
    }
}
