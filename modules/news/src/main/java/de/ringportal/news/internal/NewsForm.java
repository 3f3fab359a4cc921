package de.ringportal.news.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;

import de.ringportal.content.api.Versions;
import de.ringportal.core.forms.FormErrors;
import de.ringportal.core.format.GermanDates;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the editor form sends, as typed, with its checks. Text is kept exactly as entered (it is escaped or sanitised
 * when shown), so a rejected form comes back with nothing lost.
 *
 * @param publishAt the date field as typed ({@code 2026-11-25T09:30}); empty means now
 */
public record NewsForm(String title, String teaser, String body, String publishAt, Article.Status status, Set<String> rings) {

    static final int MAX_TITLE = Versions.MAX_TITLE;
    static final int MAX_TEASER = Versions.MAX_SUMMARY;
    static final int MAX_BODY = Versions.MAX_BODY;
    /** The fields' names, which are also their inputs' ids. */
    static final String TITLE = "titel";
    static final String TEASER = "anreisser";
    static final String BODY = "text";
    static final String DATE = "datum";
    static final String RING = "ring";
    /** The id of the audience's fieldset (one check box per ring, so no single input to link to). */
    static final String RING_ANCHOR = "empfaenger";
    /** What a {@code datetime-local} input sends (not a display format: dates are shown with GermanDates). */
    static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    static NewsForm from(HttpServletRequest request) {
        String[] rings = request.getParameterValues(RING);
        Set<String> selected = new LinkedHashSet<>();
        if (rings != null) {
            for (String ring : rings) {
                if (ring != null && !ring.isBlank()) {
                    selected.add(ring.strip());
                }
            }
        }
        return new NewsForm(text(request, TITLE).strip(), text(request, TEASER).strip(),
                text(request, BODY).replace("\r\n", "\n"), text(request, DATE).strip(),
                Article.Status.fromId(text(request, "status")), selected);
    }

    static NewsForm of(Article article) {
        return new NewsForm(article.title(), article.teaser(), article.body(),
                INPUT.format(article.publishedAt().atZone(GermanDates.BERLIN)), article.status(), article.rings());
    }

    static NewsForm empty() {
        return new NewsForm("", "", "", INPUT.format(LocalDateTime.now(GermanDates.BERLIN)), Article.Status.DRAFT, Set.of());
    }

    NewsForm withRings(Set<String> audience) {
        return new NewsForm(title, teaser, body, publishAt, status, audience);
    }

    NewsForm withText(String newTitle, String newTeaser, String newBody) {
        return new NewsForm(newTitle, newTeaser, newBody, publishAt, status, rings);
    }

    /**
     * Adds a German message for everything that keeps the form from being saved, each linked to its input (the
     * inputs keep their ids {@code titel}, {@code anreisser}, {@code text}, {@code datum}); the same errors back.
     */
    FormErrors check(FormErrors errors) {
        if (title.isEmpty()) {
            errors.add(TITLE, TITLE, "Bitte geben Sie einen Titel ein.");
        } else if (title.length() > MAX_TITLE) {
            errors.add(TITLE, TITLE, "Der Titel ist zu lang: höchstens " + MAX_TITLE + " Zeichen, eingegeben "
                    + title.length() + ".");
        }
        if (teaser.length() > MAX_TEASER) {
            errors.add(TEASER, TEASER, "Der Anreißer ist zu lang: höchstens " + MAX_TEASER + " Zeichen, eingegeben "
                    + teaser.length() + ".");
        }
        if (body.isBlank()) {
            errors.add(BODY, BODY, "Bitte geben Sie einen Text ein.");
        } else if (body.length() > MAX_BODY) {
            errors.add(BODY, BODY, "Der Text ist zu lang: höchstens " + MAX_BODY + " Zeichen, eingegeben "
                    + body.length() + ".");
        }
        if (!publishAt.isEmpty() && parseDate() == null) {
            errors.add(DATE, DATE, "Das Veröffentlichungsdatum ist ungültig (Format: TT.MM.JJJJ und Uhrzeit).");
        }
        return errors;
    }

    /** When the article is published: the date as typed, or now when empty. */
    Instant publishedAt() {
        Instant date = publishAt.isEmpty() ? null : parseDate();
        return date != null ? date : Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private Instant parseDate() {
        try {
            return LocalDateTime.parse(publishAt, INPUT).atZone(GermanDates.BERLIN).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(publishAt).atZone(GermanDates.BERLIN).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static String text(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.replace("\u0000", "");
    }
}
