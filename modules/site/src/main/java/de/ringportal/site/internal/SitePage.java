package de.ringportal.site.internal;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A page of the site as stored. Its body is Markdown once an editor has saved it ({@link #MARKDOWN}); the texts
 * seeded at installation are plain paragraphs separated by blank lines ({@link #TEXT}) and render as escaped text.
 *
 * @param menuLabel the menu entry of a page the Redaktion created; null for the built-in pages
 */
public record SitePage(String slug, String title, String body, String format, String menuLabel, int menuOrder) {

    public static final String TEXT = "text";
    public static final String MARKDOWN = "markdown";

    /** The built-in pages and where they are served. */
    static final java.util.Map<String, String> BUILT_IN = java.util.Map.of("start", "/", "impressum", "/impressum",
            "datenschutz", "/datenschutz", "barrierefreiheit", "/barrierefreiheit");

    /** A seeded page of plain paragraphs. */
    public SitePage(String slug, String title, String body) {
        this(slug, title, body, TEXT, null, 0);
    }

    public boolean isMarkdown() {
        return MARKDOWN.equals(format);
    }

    public boolean isCustom() {
        return !BUILT_IN.containsKey(slug);
    }

    /** Where the page is served: a built-in page at its fixed path, a created one under /seiten/. */
    public String path() {
        String builtIn = BUILT_IN.get(slug);
        return builtIn != null ? builtIn : "/seiten/" + slug;
    }

    // Compiled once: this runs on every page view, and String.split/replaceAll compile their pattern on each call.
    // A blank line is two line breaks with only spaces between; each break is atomic, so a single CRLF is one
    // break and never the two a paragraph boundary needs.
    private static final String BREAK = "(?>\\r\\n|[\\n\\u000B\\f\\r\\u0085\\u2028\\u2029])";
    private static final Pattern BLANK_LINE = Pattern.compile(BREAK + "\\h*" + BREAK);
    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\R\\s*");

    /** The body's paragraphs, each with its inner line breaks folded into spaces. */
    public List<String> paragraphs() {
        return Arrays.stream(BLANK_LINE.split(body.strip()))
                .map(paragraph -> foldLineBreaks(paragraph.strip()))
                .filter(paragraph -> !paragraph.isEmpty())
                .toList();
    }

    /** Most paragraphs are one line: then there is nothing to fold, and the regex need not scan them. */
    private static String foldLineBreaks(String paragraph) {
        return hasLineBreak(paragraph) ? LINE_BREAK.matcher(paragraph).replaceAll(" ") : paragraph;
    }

    /** Whether the text holds a character that {@code \R} matches. */
    private static boolean hasLineBreak(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '\n', '\u000B', '\f', '\r', '\u0085', '\u2028', '\u2029' -> {
                    return true;
                }
                default -> {
                    // go on
                }
            }
        }
        return false;
    }
}
