package de.ringportal.news.internal;

import de.ringportal.core.format.GermanDates;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * A news article as stored.
 *
 * @param rings the rings it is for; empty means public
 */
public record Article(int id, int urlYear, String slug, String title, String teaser, String body, String author,
        String authorUser, Status status, Instant publishedAt, Instant updatedAt, Set<String> rings) {

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    /** Draft or published. */
    public enum Status {
        DRAFT("Entwurf"), PUBLISHED("Veröffentlicht");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status fromId(String id) {
            return "published".equals(id) ? PUBLISHED : DRAFT;
        }
    }

    public Article {
        rings = Set.copyOf(rings);
    }

    /** The same article for another audience. */
    Article withRings(Set<String> audience) {
        return new Article(id, urlYear, slug, title, teaser, body, author, authorUser, status, publishedAt, updatedAt,
                audience);
    }

    /** The article's page. */
    public String path() {
        return "/aktuelles/" + urlYear + "/" + slug;
    }

    public boolean isPublic() {
        return rings.isEmpty();
    }

    /** Published and its publication time has come. */
    public boolean isLive(Instant now) {
        return status == Status.PUBLISHED && !publishedAt.isAfter(now);
    }

    public String date() {
        return GermanDates.longDate(publishedAt);
    }

    public String dateTime() {
        return GermanDates.longDateTime(publishedAt);
    }

    /** For the {@code datetime} attribute of {@code <time>}. */
    public String isoDate() {
        return ISO_DATE.format(publishedAt.atZone(GermanDates.BERLIN));
    }

    public String statusLabel() {
        return status.label();
    }
}
