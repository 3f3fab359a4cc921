package de.ringportal.rings.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.Test;

import de.ringportal.core.forms.FormErrors;

/** Form input: keys, years, dates, text cleaning and the German messages. */
public class InputsTest {

    /** A Kreisschlüssel is exactly five digits; injection attempts and paths are not. */
    @Test
    public void ags_is_five_digits() {
        assertTrue(Inputs.isAgs("08426"));
        for (String bad : new String[] { null, "", "8426", "084261", "0842a", "' OR 1=1", "../08426" }) {
            assertFalse(bad, Inputs.isAgs(bad));
        }
    }

    /** Years outside 2005–2100 and anything not a number are refused. */
    @Test
    public void years_and_dates() {
        assertEquals(Optional.of(2011), Inputs.year(" 2011 "));
        assertEquals(Optional.empty(), Inputs.year("2004"));
        assertEquals(Optional.empty(), Inputs.year("20111"));
        assertEquals(Optional.empty(), Inputs.year("1=1"));
        assertEquals(Optional.of(LocalDate.of(2026, 3, 14)), Inputs.date("2026-03-14"));
        assertEquals(Optional.of(LocalDate.of(2026, 3, 14)), Inputs.date("14.03.2026"));
        assertEquals(Optional.empty(), Inputs.date("31.02.2026"));
        assertEquals(Optional.empty(), Inputs.date("<script>"));
    }

    /** Control characters go, single-line fields lose line breaks, multi-line text keeps them; markup stays text. */
    @Test
    public void text_is_cleaned_but_markup_is_kept_as_text() {
        assertEquals("a b", Inputs.text(" a\r\nb\u0000 ", false));
        assertEquals("a\nb", Inputs.text("a\r\nb", true));
        assertEquals("<script>alert(1)</script>", Inputs.text("<script>alert(1)</script>", true));
        assertEquals("", Inputs.text(null, true));
        assertEquals("format characters go too (no right-to-left override)", "abc",
                Inputs.text("a\u202Eb\u200Bc", false));
        assertEquals(List.of("eins\nzwei", "drei"), Inputs.paragraphs("eins\nzwei\n\n  \ndrei\n"));
    }

    /** Missing and overlong fields get their own German message. */
    @Test
    public void errors_name_the_field_and_the_limit() {
        FormErrors errors = new FormErrors();
        Inputs.checkLength(errors, "titel", "Titel", "einen Titel", "", 200);
        Inputs.checkLength(errors, "text", "Text", null, "x".repeat(8001), 8000);
        Inputs.checkLength(errors, "ort", "Ort", null, "", 300);
        assertEquals("Bitte geben Sie einen Titel an.", errors.byField().get("titel"));
        assertEquals("Text: höchstens 8000 Zeichen erlaubt (eingegeben: 8001).", errors.byField().get("text"));
        assertEquals(2, errors.list().size());
    }
}
