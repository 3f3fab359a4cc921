package de.ringportal.auth.internal;

/**
 * One labelled input as the {@code field} template renders it, with its hint and error message tied to the input
 * through {@code aria-describedby}.
 *
 * @param maxLength    the browser's limit, or null for none
 * @param autocomplete the autocomplete token, such as "email" or "new-password", or null
 * @param inputmode    the virtual keyboard to offer, such as "numeric", or null
 */
public record Field(String name, String label, String type, String value, String hint, String error,
        boolean required, Integer maxLength, String autocomplete, String inputmode) {

    public Field {
        value = AccountRules.printable(value);
    }

    static Field text(String name, String label, String value, String hint, String error, boolean required,
            Integer maxLength, String autocomplete, String inputmode) {
        return new Field(name, label, "text", value, hint, error, required, maxLength, autocomplete, inputmode);
    }

    /** A password input: never shows a value back. */
    static Field password(String name, String label, String hint, String error, String autocomplete) {
        return new Field(name, label, "password", "", hint, error, true, null, autocomplete, null);
    }

    public String id() {
        return "feld-" + name;
    }

    public String hintId() {
        return id() + "-hinweis";
    }

    public String errorId() {
        return id() + "-fehler";
    }

    /** Ids of the hint and error, space-separated; empty when there is neither. */
    public String describedBy() {
        String hintPart = hint == null || hint.isEmpty() ? "" : hintId();
        String errorPart = error == null || error.isEmpty() ? "" : errorId();
        return (hintPart + " " + errorPart).strip();
    }
}
