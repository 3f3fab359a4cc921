package de.ringportal.admin.internal;

/** Small helpers for what the page shows. */
final class Texts {

    private Texts() {
    }

    /** Control characters out, and at most 300 characters: messages from foreign code end up on the page. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        String cleaned = text.replaceAll("\\p{Cntrl}", " ").strip();
        return cleaned.length() > 300 ? cleaned.substring(0, 300) + "…" : cleaned;
    }

    /** The exception's message as a sentence for the page, or its type when it has none. */
    static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : printable(message) + ".";
    }

    static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
