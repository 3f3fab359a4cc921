package de.ringportal.content.internal;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.Test;

import de.ringportal.content.api.ContentVersion;
import de.ringportal.content.api.DiffLine;
import de.ringportal.content.api.DiffLine.Change;

public class LineDiffTest {

    private static ContentVersion version(int number, String title, String body) {
        return new ContentVersion("news", "1", number, "Redaktion", Instant.EPOCH, title, "", body);
    }

    /** A changed title and a changed middle line show as removed + added; the rest as unchanged, in order. */
    @Test
    public void changed_lines_are_marked_in_order() {
        List<DiffLine> diff = LineDiff.compare(
                LineDiff.lines(version(1, "Alt", "eins\nzwei\ndrei")),
                LineDiff.lines(version(2, "Neu", "eins\nZWEI\ndrei\nvier")));
        assertEquals(List.of(
                new DiffLine(Change.REMOVED, "Titel: Alt"),
                new DiffLine(Change.ADDED, "Titel: Neu"),
                new DiffLine(Change.UNCHANGED, ""),
                new DiffLine(Change.UNCHANGED, "eins"),
                new DiffLine(Change.REMOVED, "zwei"),
                new DiffLine(Change.ADDED, "ZWEI"),
                new DiffLine(Change.UNCHANGED, "drei"),
                new DiffLine(Change.ADDED, "vier")), diff);
    }

    /** Two equal versions differ nowhere. */
    @Test
    public void equal_versions_have_only_unchanged_lines() {
        List<DiffLine> diff = LineDiff.compare(LineDiff.lines(version(1, "A", "x\ny")),
                LineDiff.lines(version(2, "A", "x\ny")));
        assertEquals(4, diff.size());
        diff.forEach(line -> assertEquals(Change.UNCHANGED, line.change()));
    }
}
