package de.ringportal.content.internal;

import java.util.ArrayList;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import de.ringportal.content.api.ContentVersion;
import de.ringportal.content.api.DiffLine;
import de.ringportal.content.api.DiffLine.Change;

/** A whole-text line comparison by java-diff-utils (Myers), as the version pages show it. */
final class LineDiff {

    private LineDiff() {
    }

    /** The lines a version is compared by: its title, its summary (if any), a blank line, then its body. */
    static List<String> lines(ContentVersion version) {
        List<String> lines = new ArrayList<>();
        lines.add("Titel: " + version.title());
        if (!version.summary().isEmpty()) {
            lines.add("Anreißer: " + version.summary());
        }
        lines.add("");
        lines.addAll(version.body().lines().toList());
        return lines;
    }

    /** Every line of both texts in order, each marked as unchanged, removed (old only) or added (new only). */
    static List<DiffLine> compare(List<String> older, List<String> newer) {
        Patch<String> patch = DiffUtils.diff(older, newer);
        List<DiffLine> result = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            for (; position < start; position++) {
                result.add(new DiffLine(Change.UNCHANGED, older.get(position)));
            }
            delta.getSource().getLines().forEach(line -> result.add(new DiffLine(Change.REMOVED, line)));
            delta.getTarget().getLines().forEach(line -> result.add(new DiffLine(Change.ADDED, line)));
            position = start + delta.getSource().size();
        }
        for (; position < older.size(); position++) {
            result.add(new DiffLine(Change.UNCHANGED, older.get(position)));
        }
        return result;
    }
}
