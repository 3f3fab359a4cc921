package de.ringportal.core.forms;

import java.util.Objects;

/**
 * One problem of a form: the field's name, the id of the element the summary links to, and the German message.
 *
 * @param field   the form field's name ({@code titel})
 * @param anchor  the id of its input ({@code feld-titel}), the target of the summary's link
 * @param message what to do, in German ("Bitte einen Titel angeben.")
 */
public record FieldError(String field, String anchor, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(message, "message");
    }

    /** The anchor under the name {@code {{> shared/error-summary}}} reads: {@code <a href="#{{target}}">}. */
    public String target() {
        return anchor;
    }
}
