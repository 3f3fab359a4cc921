package de.ringportal.core.api;

/**
 * A write that the database refused again and again because other writes held the rows it needed (lock timeout,
 * deadlock, serialization failure): nothing of it was stored. Pages answer it with {@link #MESSAGE} and the form
 * again, status 503; the portal's filter answers any that reaches it with the styled 503 page.
 */
public class StoreBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What the person who sent the form reads. */
    public static final String MESSAGE = "Speichern ist gerade nicht möglich, weil viele Änderungen zugleich "
            + "eintreffen. Es wurde nichts gespeichert. Bitte senden Sie das Formular erneut.";

    public StoreBusyException(Throwable cause) {
        super("The database stayed busy: " + cause.getMessage(), cause);
    }

    /** Is this failure, or one of its causes, a {@link StoreBusyException}? */
    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StoreBusyException) {
                return true;
            }
        }
        return false;
    }
}
