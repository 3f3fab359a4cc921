package de.ringportal.auth.internal;

/**
 * The sub-navigation of the administration pages ({@code admin-nav} template), with the current section marked:
 * {@code aria-current="page"} on the section's own page, {@code "true"} on the pages below it.
 */
public record AdminNav(String accounts, String audit) {

    static AdminNav forAccounts(boolean exactly) {
        return new AdminNav(exactly ? "page" : "true", null);
    }

    static AdminNav forAudit() {
        return new AdminNav(null, "page");
    }
}
