package de.ringportal.content.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The version history of editorial content, shared by the pages and the news: every save keeps a version; any two
 * can be compared; restoring an earlier one is a new save of its text.
 */
@ProviderType
public interface Versions {

    /** The largest title, summary and body this store keeps, in characters. */
    int MAX_TITLE = 200;
    int MAX_SUMMARY = 1000;
    int MAX_BODY = 30000;

    /** Keeps a new version and returns it with its number. */
    ContentVersion save(String kind, String itemId, String author, String title, String summary, String body);

    /** Every version of the item, newest first. */
    List<ContentVersion> list(String kind, String itemId);

    /** One version by its number. */
    Optional<ContentVersion> get(String kind, String itemId, int number);

    /** Line by line what changed from {@code older} to {@code newer}: title, summary and body, in that order. */
    List<DiffLine> diff(ContentVersion older, ContentVersion newer);

    /**
     * A version by its number as a request sends it (any text): empty unless the text is the number of a version of
     * this item.
     */
    default Optional<ContentVersion> get(String kind, String itemId, String number) {
        return number == null || !number.matches("\\d{1,6}") ? Optional.empty()
                : get(kind, itemId, Integer.parseInt(number));
    }

    /**
     * Two versions of an item, by their numbers as a request sends them in either order, older first, with the line
     * diff between them; empty when either is not a version of this item.
     */
    default Optional<Comparison> compare(String kind, String itemId, String a, String b) {
        Optional<ContentVersion> first = get(kind, itemId, a);
        Optional<ContentVersion> second = get(kind, itemId, b);
        if (first.isEmpty() || second.isEmpty()) {
            return Optional.empty();
        }
        boolean inOrder = first.get().number() <= second.get().number();
        ContentVersion older = inOrder ? first.get() : second.get();
        ContentVersion newer = inOrder ? second.get() : first.get();
        return Optional.of(new Comparison(older, newer, diff(older, newer)));
    }

    /** Two versions of one item, the older first, and the lines that differ between them. */
    record Comparison(ContentVersion older, ContentVersion newer, List<DiffLine> lines) {
    }

    /** Forgets every version of an item (when the item itself is deleted). */
    void deleteAll(String kind, String itemId);
}
