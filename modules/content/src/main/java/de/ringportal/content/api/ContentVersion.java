package de.ringportal.content.api;

import java.time.Instant;

/**
 * One saved state of a page or article.
 *
 * @param kind      what was saved ("page", "news"): the namespace of {@code itemId}
 * @param itemId    the item within its kind (a page's slug, an article's id)
 * @param number    1 for the first save, counting up per item
 * @param author    display name of whoever saved it
 * @param createdAt when it was saved
 * @param title     the title then, plain text
 * @param summary   a short text kept with it (a news teaser); empty when the kind has none
 * @param body      the Markdown then
 */
public record ContentVersion(String kind, String itemId, int number, String author, Instant createdAt, String title,
        String summary, String body) {
}
