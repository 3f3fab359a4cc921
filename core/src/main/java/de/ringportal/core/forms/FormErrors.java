package de.ringportal.core.forms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems found in one submitted form, in the order found, at most one per field (the first one stays: it is
 * the most basic). A page renders the form again with {@link #summary()} for {@code {{> shared/error-summary}}},
 * {@link #byField()} for the messages beside the inputs ({@code {{errors.titel}}}) and the status {@link #status()}.
 * Not thread-safe: one instance per request.
 */
public final class FormErrors {

    /** What {@code {{> shared/error-summary}}} reads: {@code {{#summary}}{{> shared/error-summary}}{{/summary}}}. */
    public record Summary(boolean hasErrors, List<FieldError> errors) {

        public Summary {
            errors = List.copyOf(errors);
        }
    }

    private final Map<String, FieldError> errors = new LinkedHashMap<>();
    private int status = 422;

    /** The anchor of a field's input: {@code feld-<name>}, with characters other than letters, digits, - and _ as _. */
    public static String anchor(String field) {
        return "feld-" + field.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** Adds a problem of {@code field}, linked to {@code feld-<field>}; a field that has one already keeps it. */
    public FormErrors add(String field, String message) {
        return add(field, anchor(field), message);
    }

    /** Adds a problem linked to another element than the field's input (a group of radio buttons, say). */
    public FormErrors add(String field, String anchor, String message) {
        errors.putIfAbsent(field, new FieldError(field, anchor, message));
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Does this field have a problem? */
    public boolean has(String field) {
        return errors.containsKey(field);
    }

    /** The problems in the order found. */
    public List<FieldError> list() {
        return List.copyOf(errors.values());
    }

    /** Field name to message, for the message beside each input. */
    public Map<String, String> byField() {
        Map<String, String> messages = new LinkedHashMap<>();
        errors.forEach((field, error) -> messages.put(field, error.message()));
        return Collections.unmodifiableMap(messages);
    }

    /** The model of the shared error summary. */
    public Summary summary() {
        return new Summary(hasErrors(), new ArrayList<>(errors.values()));
    }

    /** The status of the page that shows these problems: 422 unless {@link #status(int)} set another. */
    public int status() {
        return status;
    }

    /** Another status for the form page, such as 503 when the store was busy and nothing was saved. */
    public FormErrors status(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("Not an error status: " + status);
        }
        this.status = status;
        return this;
    }
}
