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

    /** Forgets every version of an item (when the item itself is deleted). */
    void deleteAll(String kind, String itemId);
}
