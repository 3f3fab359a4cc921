package de.ringportal.admin.internal;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;

import java.util.List;

import org.junit.Test;

import de.ringportal.core.forms.FormErrors;
import de.ringportal.core.testing.TestViews;

/** The settings form with core's shared error summary: each problem links to its field, which says what is wrong. */
public class SettingFormTest {

    private final TestViews views = TestViews.of(SettingsPage.class);

    @Test
    public void an_invalid_value_is_linked_from_the_summary_and_marked_at_its_field() {
        SettingFields.SettingField retries = new SettingFields.SettingField("retries", "Versuche", "", "number",
                "viele", false, List.of(), "Bitte eine Zahl eingeben, zum Beispiel 3.");
        FormErrors errors = new FormErrors().add("retries", "Versuche: " + retries.error());

        String html = views.fragment("setting-form", form(retries, errors));

        assertThat(html, containsString("<div class=\"error-summary\" role=\"alert\">"));
        assertThat(html, containsString("<a href=\"#feld-retries\">Versuche: Bitte eine Zahl eingeben, zum Beispiel 3.</a>"));
        assertThat(html, containsString("id=\"feld-retries\" name=\"retries\" value=\"viele\" aria-invalid=\"true\""));
        assertThat(html, containsString("<p class=\"form-error\" id=\"feld-retries-fehler\">"));
    }

    @Test
    public void a_valid_form_has_no_summary() {
        SettingFields.SettingField user = new SettingFields.SettingField("user", "Benutzer", "", "text", "portal",
                false, List.of(), null);

        String html = views.fragment("setting-form", form(user, new FormErrors()));

        assertThat(html, not(containsString("error-summary")));
        assertThat(html, containsString("<input type=\"hidden\" name=\"pid\" value=\"de.ringportal.it.secrets\">"));
    }

    private static SettingsPage.Form form(SettingFields.SettingField field, FormErrors errors) {
        return new SettingsPage.Form(ExtensionsPage.Nav.SETTINGS, "de.ringportal.it.secrets", "Zugang zum Testdienst",
                "de.ringportal.it.secrets 1.0.0", List.of(field), errors.summary(), null);
    }
}
