package de.ringportal.benchmark.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;

/**
 * Tells a download the client gave up on (closed the tab, lost the connection) from a real failure. Jetty reports the
 * former as its {@code EofException}, an {@link EOFException}, or as the socket's "broken pipe" / "connection reset";
 * those are the client's doing and worth a debug line, not an ERROR with a stack trace.
 */
final class ClientAbort {

    private ClientAbort() {
    }

    /** Is this exception, or one of its causes, the client going away while the response was being written? */
    static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EOFException || t instanceof ClosedChannelException) {
                return true;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if ((t instanceof IOException || t instanceof UncheckedIOException)
                    && (message.contains("broken pipe") || message.contains("connection reset"))) {
                return true;
            }
        }
        return false;
    }
}
