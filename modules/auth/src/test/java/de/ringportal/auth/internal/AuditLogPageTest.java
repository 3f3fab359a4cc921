package de.ringportal.auth.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertFalse;

import java.time.LocalDate;

import org.junit.Test;

import de.ringportal.core.forms.FormErrors;

/** The date filter of the audit log accepts what date inputs send and what people type, and nothing else. */
public class AuditLogPageTest {

    @Test
    public void iso_and_german_dates_are_read() {
        FormErrors errors = new FormErrors();

        assertEquals(LocalDate.of(2026, 11, 24), AuditLogPage.date("2026-11-24", "von", errors));
        assertEquals(LocalDate.of(2026, 3, 1), AuditLogPage.date("1.3.2026", "bis", errors));
        assertNull(AuditLogPage.date("", "von", errors));
        assertFalse(errors.hasErrors());
    }

    @Test
    public void wrong_or_absurd_dates_are_a_field_error() {
        for (String bad : new String[] { "2026-13-01", "morgen", "31.02.2026", "+999999-01-01", "0001-01-01",
                "9999-12-31" }) {
            FormErrors errors = new FormErrors();
            assertNull(bad, AuditLogPage.date(bad, "von", errors));
            assertEquals(bad, "Bitte geben Sie ein Datum ein, zum Beispiel 24.11.2026.", errors.byField().get("von"));
        }
    }
}
