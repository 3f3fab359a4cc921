package de.ringportal.core.forms;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import jakarta.servlet.http.HttpServletRequest;

/** Reading and checking form fields, with the German messages going into FormErrors. */
public class FieldsTest {

    private final FormErrors errors = new FormErrors();

    private Fields form(Map<String, String[]> values) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        values.forEach((name, sent) -> {
            when(request.getParameter(name)).thenReturn(sent[0]);
            when(request.getParameterValues(name)).thenReturn(sent);
        });
        return Fields.of(request, errors);
    }

    /** Missing is "", one-line text loses control characters, text areas keep their line breaks. */
    @Test
    public void reading_never_gives_null() {
        Fields fields = form(Map.of("titel", new String[] {"  Ring\ttreffen\r\nNord "}, "programm",
                new String[] {"\n 10 Uhr Begrüßung\r\n11 Uhr Vortrag \n"}, "rolle", new String[] {" a ", "", "b"}));
        assertEquals("", fields.text("fehlt"));
        assertEquals("", fields.multiline("fehlt"));
        assertEquals(List.of(), fields.all("fehlt"));
        assertEquals("Ring treffen  Nord", fields.text("titel"));
        assertEquals("10 Uhr Begrüßung\r\n11 Uhr Vortrag", fields.multiline("programm"));
        assertEquals(List.of("a", "b"), fields.all("rolle"));
        assertEquals(false, errors.hasErrors());
    }

    /** Length and required checks add the given message and still give the text back for the form. */
    @Test
    public void text_checks_length_and_presence() {
        Fields fields = form(Map.of("titel", new String[] {"x".repeat(201)}, "ort", new String[] {" "},
                "notiz", new String[] {""}));
        assertEquals(201, fields.text("titel", 200, true, "Höchstens 200 Zeichen.").length());
        assertEquals("", fields.text("ort", 200, true, "Bitte einen Ort angeben."));
        assertEquals("", fields.text("notiz", 200, false, "nie"));
        assertEquals(Map.of("titel", "Höchstens 200 Zeichen.", "ort", "Bitte einen Ort angeben."), errors.byField());
    }

    /** Days German or ISO; anything else (or nothing) is the given message. */
    @Test
    public void dates_german_or_iso() {
        Fields fields = form(Map.of("tag", new String[] {"24.11.2026"}, "iso", new String[] {"2026-11-24"},
                "falsch", new String[] {"30.2.2026"}));
        assertEquals(LocalDate.of(2026, 11, 24), fields.date("tag", "m"));
        assertEquals(LocalDate.of(2026, 11, 24), fields.date("iso", "m"));
        assertNull(fields.date("falsch", "Bitte ein Datum angeben."));
        assertNull(fields.date("fehlt", "Bitte ein Datum angeben."));
        assertEquals(List.of("falsch", "fehlt"), List.copyOf(errors.byField().keySet()));
    }

    /** Numbers in German notation with GermanNumbers' reasons; whole numbers within bounds. */
    @Test
    public void numbers_and_integers() {
        Fields fields = form(Map.of("wert", new String[] {"1.234,5"}, "kaputt", new String[] {"1,2,3"},
                "jahr", new String[] {"2026"}, "alt", new String[] {"1999"}, "riesig", new String[] {"99999999999"}));
        assertEquals(1234.5, fields.number("wert"), 1e-12);
        assertNull(fields.number("kaputt"));
        assertNull(fields.number("leer"));
        assertEquals(Integer.valueOf(2026), fields.integer("jahr", 2000, 2100, "Jahr?"));
        assertNull(fields.integer("alt", 2000, 2100, "Bitte ein Jahr ab 2000."));
        assertNull(fields.integer("riesig", 0, Integer.MAX_VALUE, "Zu groß."));
        assertEquals("„1,2,3“ ist keine Zahl im deutschen Format (zum Beispiel 1.234,5).",
                errors.byField().get("kaputt"));
        assertEquals("Bitte geben Sie eine Zahl ein.", errors.byField().get("leer"));
        assertEquals("Bitte ein Jahr ab 2000.", errors.byField().get("alt"));
        assertEquals("Zu groß.", errors.byField().get("riesig"));
    }
}
