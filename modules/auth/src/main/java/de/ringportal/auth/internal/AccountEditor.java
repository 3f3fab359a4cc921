package de.ringportal.auth.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.ringportal.core.api.Role;
import de.ringportal.core.format.GermanDates;
import de.ringportal.core.forms.FormErrors;
import de.ringportal.core.pages.Exchange;

/**
 * The account form of {@link AccountPages}: {@code /admin/konten/neu} creates an account and shows its password
 * link once; {@code /admin/konten/{id}} changes name, e-mail, municipality and roles (303 back to the form). A
 * refused form comes back with 422, the values as typed and the shared error summary.
 */
final class AccountEditor {

    private static final String NOTICE = "hinweis";
    private static final Map<String, String> NOTICES = Map.of(
            "gespeichert", "Die Änderungen sind gespeichert.",
            "deaktiviert", "Das Konto ist deaktiviert; laufende Sitzungen sind beendet.",
            "aktiviert", "Das Konto ist wieder aktiv.");

    private final Accounts accounts;
    private final AccountAdministration administration;

    AccountEditor(Accounts accounts, AccountAdministration administration) {
        this.accounts = accounts;
        this.administration = administration;
    }

    void blank(Exchange exchange) throws IOException {
        show(exchange, AccountForm.blank(), null, null);
    }

    void edit(Exchange exchange, Account account) throws IOException {
        // the fixed text for a notice key: the page never shows text taken from the address
        String key = exchange.request().getParameter(NOTICE);
        show(exchange, AccountForm.of(account), account, key == null ? null : NOTICES.get(key));
    }

    void create(Exchange exchange) throws IOException {
        AccountForm form = AccountForm.read(exchange.request(), true, true);
        Optional<AccountAdministration.Created> created = form.validate(true)
                ? administration.create(form, AccountAdministration.Actor.of(exchange))
                : Optional.empty();
        if (created.isEmpty()) {
            show(exchange, form, null, null);
            return;
        }
        showLink(exchange, accounts.byId(created.get().id()).orElseThrow(), created.get().link(), true);
    }

    void update(Exchange exchange, Account account) throws IOException {
        AccountForm form = AccountForm.read(exchange.request(), false, account.enabled());
        if (!form.validate(false) || !administration.update(account, form, AccountAdministration.Actor.of(exchange))) {
            show(exchange, form, account, null);
            return;
        }
        exchange.seeOther(noticePath(account, "gespeichert"));
    }

    /** The edit form with one of the fixed notices. */
    static String noticePath(Account account, String notice) {
        return AccountPages.editPath(account) + "?" + NOTICE + "=" + notice;
    }

    /** The page that shows a new password link: the only time its token is shown. */
    static void showLink(Exchange exchange, Account account, ResetTokens.Issued issued, boolean created)
            throws IOException {
        exchange.render(created ? "Konto angelegt" : "Link zum Setzen des Passworts", "reset-link",
                new LinkModel(AdminNav.forAccounts(false), created, account.id(), account.userName(),
                        account.displayName(), SetPasswordPage.link(exchange.request(), issued.token()),
                        GermanDates.dateTime(issued.expiresAt())));
    }

    private static void show(Exchange exchange, AccountForm form, Account account, String notice)
            throws IOException {
        boolean create = account == null;
        Map<String, String> errors = form.errors().byField();
        List<Field> fields = new ArrayList<>();
        if (create) {
            fields.add(Field.text(AccountForm.USER_NAME, "Benutzername", form.userName(),
                    "3 bis 64 Zeichen: Kleinbuchstaben a–z, Ziffern, Punkt, Unterstrich, Bindestrich. "
                            + "Kann später nicht geändert werden.",
                    errors.get(AccountForm.USER_NAME), true, AccountRules.USER_NAME_MAX, "off", null));
        }
        fields.add(Field.text(AccountForm.NAME, "Name", form.displayName(), "Vor- und Nachname, wie er im Portal "
                + "erscheint.", errors.get(AccountForm.NAME), true, AccountRules.NAME_MAX, "off", null));
        // type "text", not "email": a refused address shown back must still be valid HTML
        fields.add(Field.text(AccountForm.EMAIL, "E-Mail-Adresse (freiwillig)", form.email(), null,
                errors.get(AccountForm.EMAIL), false, AccountRules.EMAIL_MAX, "off", "email"));
        fields.add(Field.text(AccountForm.MUNICIPALITY, "Gemeinde: Kreisschlüssel (AGS, freiwillig)",
                form.municipality(), "Fünf Ziffern, zum Beispiel 08426 für den Landkreis Biberach. Bestimmt, in "
                        + "welche Vergleichsringe die Person Einblick hat.",
                errors.get(AccountForm.MUNICIPALITY), false, 5, "off", "numeric"));
        List<Choice> roles = new ArrayList<>();
        for (Role role : Role.values()) {
            roles.add(new Choice(role.id(), role.label(), form.roles().contains(role)));
        }
        String title = create ? "Neues Konto" : "Konto „" + account.userName() + "“";
        Info info = create ? null : new Info(account.id(), account.userName(),
                AccountPages.status(account, Instant.now()), account.enabled());
        exchange.render(form.errors(), title, "account-form",
                new FormModel(AdminNav.forAccounts(false), notice, form.errors().summary(), info, create,
                        create ? AccountPages.PATH + "/neu" : AccountPages.editPath(account), fields, roles,
                        errors.get(AccountForm.ROLES), form.enabled(),
                        create ? "Konto anlegen" : "Änderungen speichern"));
    }

    /** A checkbox. */
    public record Choice(String id, String label, boolean checked) {
    }

    /** The stored account above its form. */
    public record Info(int id, String userName, String status, boolean enabled) {
    }

    /** What the account-form template renders. */
    public record FormModel(AdminNav nav, String notice, FormErrors.Summary summary, Info account, boolean create,
            String action, List<Field> fields, List<Choice> roles, String rolesError, boolean enabled,
            String submitLabel) {
    }

    /** What the reset-link template renders. */
    public record LinkModel(AdminNav nav, boolean created, int id, String userName, String displayName, String link,
            String expires) {
    }
}
