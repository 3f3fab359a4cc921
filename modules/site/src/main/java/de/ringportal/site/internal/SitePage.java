package de.ringportal.site.internal;

import java.util.Arrays;
import java.util.List;

/**
 * A page of the site as stored: its text is plain paragraphs separated by blank lines (an editor will bring
 * Markdown in a later version), so it renders as escaped text only.
 */
public record SitePage(String slug, String title, String body) {

    /** The body's paragraphs, each with its inner line breaks folded into spaces. */
    public List<String> paragraphs() {
        return Arrays.stream(body.strip().split("\\R\\s*\\R"))
                .map(paragraph -> paragraph.strip().replaceAll("\\s*\\R\\s*", " "))
                .filter(paragraph -> !paragraph.isEmpty())
                .toList();
    }
}
