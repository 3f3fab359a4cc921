package de.ringportal.core.backup.internal;

/** A backup or restore that was refused before anything changed; the message is for the operator (German). */
final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
        super(message);
    }

    Refused(String message, Throwable cause) {
        super(message, cause);
    }
}
