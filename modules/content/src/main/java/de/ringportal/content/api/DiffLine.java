package de.ringportal.content.api;

/**
 * One line of a comparison of two versions.
 *
 * @param change whether the line is in both, only in the newer or only in the older version
 * @param text   the line, plain text (escape it when showing it)
 */
public record DiffLine(Change change, String text) {

    /** Is the line only in the newer version? (Templates ask {@code {{#added}}}.) */
    public boolean added() {
        return change == Change.ADDED;
    }

    /** Is the line only in the older version? */
    public boolean removed() {
        return change == Change.REMOVED;
    }

    /** How a line differs. */
    public enum Change {
        UNCHANGED, ADDED, REMOVED
    }
}
