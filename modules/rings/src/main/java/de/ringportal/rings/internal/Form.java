package de.ringportal.rings.internal;

import java.util.Map;

import de.ringportal.core.forms.FormErrors;

/**
 * A form being shown, for a template section {@code {{#input}}}: {@code form.<field>} as typed (or as stored),
 * the error summary ({@code {{#summary}}{{> shared/error-summary}}{{/summary}}}) and each field's message
 * ({@code fieldErrors.<field>}).
 */
record Form(Map<String, String> form, FormErrors errors) {

    Form {
        form = Map.copyOf(form);
    }

    /** An empty form without problems. */
    static Form empty() {
        return new Form(Map.of(), new FormErrors());
    }

    /** A form filled with these values, without problems. */
    static Form of(Map<String, String> values) {
        return new Form(values, new FormErrors());
    }

    FormErrors.Summary summary() {
        return errors.summary();
    }

    Map<String, String> fieldErrors() {
        return errors.byField();
    }
}
