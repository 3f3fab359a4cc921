package de.ringportal.site.internal;

import java.util.Objects;
import java.util.regex.Pattern;

import de.ringportal.content.api.Versions;
import de.ringportal.core.forms.FormErrors;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The page form as typed: address (new pages only), title, Markdown text, and for a created page its menu entry.
 * The inputs keep their ids ({@code titel}, {@code text}, ...), which are also the anchors of the error summary.
 */
public record PageForm(String slug, String title, String body, String menuLabel, String menuOrder, boolean custom) {

    static final int MAX_LABEL = 60;
    static final PageForm NEW = new PageForm("", "", "", "", "50", true);
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern ORDER = Pattern.compile("\\d{1,3}");

    /** The form as sent; {@code slug} is the edited page's, or null for a new page (then the field "adresse"). */
    static PageForm of(HttpServletRequest request, SitePage page) {
        return new PageForm(page == null ? text(request, "adresse").strip() : page.slug(),
                text(request, "titel").strip(), text(request, "text").replace("\r\n", "\n"),
                text(request, "menue").strip(), text(request, "position").strip(), page == null || page.isCustom());
    }

    /** A stored page, to edit. */
    static PageForm of(SitePage page) {
        return new PageForm(page.slug(), page.title(), page.body(), Objects.requireNonNullElse(page.menuLabel(), ""),
                String.valueOf(page.menuOrder()), page.isCustom());
    }

    /** The menu position as typed, 50 when it is none. */
    int order() {
        return ORDER.matcher(menuOrder).matches() ? Integer.parseInt(menuOrder) : 50;
    }

    /** Checks the form; each problem goes to {@code errors}, linked to its input. */
    FormErrors check(boolean isNew, FormErrors errors) {
        if (isNew && !SLUG.matcher(slug).matches()) {
            errors.add("adresse", "adresse", "Die Adresse darf nur Kleinbuchstaben (ohne Umlaute), Ziffern und "
                    + "Bindestriche enthalten (höchstens 64 Zeichen), z. B. „ueber-uns“.");
        }
        if (title.isEmpty()) {
            errors.add("titel", "titel", "Bitte geben Sie einen Titel ein.");
        } else if (title.length() > Versions.MAX_TITLE) {
            errors.add("titel", "titel", "Der Titel ist zu lang: höchstens " + Versions.MAX_TITLE
                    + " Zeichen, eingegeben " + title.length() + ".");
        }
        if (body.isBlank()) {
            errors.add("text", "text", "Bitte geben Sie einen Text ein.");
        } else if (body.length() > Versions.MAX_BODY) {
            errors.add("text", "text", "Der Text ist zu lang: höchstens " + Versions.MAX_BODY
                    + " Zeichen, eingegeben " + body.length() + ".");
        }
        if (custom && menuLabel.isEmpty()) {
            errors.add("menue", "menue", "Bitte geben Sie den Text des Menüeintrags ein.");
        } else if (menuLabel.length() > MAX_LABEL) {
            errors.add("menue", "menue", "Der Menüeintrag ist zu lang: höchstens " + MAX_LABEL + " Zeichen.");
        }
        if (custom && !menuOrder.isEmpty() && !ORDER.matcher(menuOrder).matches()) {
            errors.add("position", "position", "Die Position im Menü ist eine Zahl von 0 bis 999.");
        }
        return errors;
    }

    /** A field as sent, only without NUL characters (the database refuses them); line breaks stay. */
    private static String text(HttpServletRequest request, String name) {
        return Objects.requireNonNullElse(request.getParameter(name), "").replace("\u0000", "");
    }
}
