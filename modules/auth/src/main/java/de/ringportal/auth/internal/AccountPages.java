package de.ringportal.auth.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.Role;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Creating and editing one account, and the actions on it:
 * <ul>
 * <li>{@code /admin/konten/neu}: the empty form; sending it creates the account and shows its password link;</li>
 * <li>{@code /admin/konten/{id}}: the account's form;</li>
 * <li>{@code /admin/konten/{id}/deaktivieren} and {@code .../zuruecksetzen}: a confirmation page (GET) and the
 * action (POST from that page);</li>
 * <li>{@code /admin/konten/{id}/aktivieren}: POST only.</li>
 * </ul>
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/admin/konten/*")
public class AccountPages extends AdminServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/([0-9]{1,9})(?:/(deaktivieren|aktivieren|zuruecksetzen))?");
    private static final String CONFIRMED = "bestaetigt";
    /** A form that arrived but has wrong values: 422, so that scripts and tests can tell it from a success. */
    static final int UNPROCESSABLE = 422;
    private static final String NOTICE = "hinweis";
    private static final Map<String, String> NOTICES = Map.of(
            "gespeichert", "Die Änderungen sind gespeichert.",
            "deaktiviert", "Das Konto ist deaktiviert; laufende Sitzungen sind beendet.",
            "aktiviert", "Das Konto ist wieder aktiv.");

    private final transient Accounts accounts;
    private final transient AccountAdministration administration;
    private final transient Views views;

    @Activate
    public AccountPages(@Reference Access access, @Reference Accounts accounts,
            @Reference AccountAdministration administration, @Reference Views views) {
        super(access);
        this.accounts = accounts;
        this.administration = administration;
        this.views = views;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = pathOf(request);
        if (path.equals("/neu")) {
            showForm(request, response, AccountForm.blank(), null, null);
            return;
        }
        Matcher matcher = PATH.matcher(path);
        Optional<Account> account = matcher.matches() ? accounts.byId(Integer.parseInt(matcher.group(1)))
                : Optional.empty();
        if (account.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String action = matcher.group(2);
        if (action == null) {
            showForm(request, response, AccountForm.of(account.get()), account.get(),
                    notice(request.getParameter(NOTICE)));
        } else if (action.equals("deaktivieren")) {
            confirmDisable(request, response, account.get(), null);
        } else if (action.equals("zuruecksetzen")) {
            confirmReset(request, response, account.get());
        } else {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = pathOf(request);
        if (path.equals("/neu")) {
            create(request, response);
            return;
        }
        Matcher matcher = PATH.matcher(path);
        Optional<Account> found = matcher.matches() ? accounts.byId(Integer.parseInt(matcher.group(1)))
                : Optional.empty();
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Account account = found.get();
        String action = matcher.group(2);
        boolean confirmed = "ja".equals(request.getParameter(CONFIRMED));
        if (action == null) {
            update(request, response, account);
        } else if (action.equals("aktivieren")) {
            administration.enable(account, actor(request));
            Redirects.seeOther(response, editPath(account) + "?" + NOTICE + "=aktiviert");
        } else if (!confirmed) {
            // the action only runs from its confirmation page
            Redirects.seeOther(response, editPath(account) + "/" + action);
        } else if (action.equals("deaktivieren")) {
            Optional<String> refusal = administration.disable(account, actor(request));
            if (refusal.isPresent()) {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                confirmDisable(request, response, account, refusal.get());
            } else {
                Redirects.seeOther(response, editPath(account) + "?" + NOTICE + "=deaktiviert");
            }
        } else {
            showLink(request, response, account, administration.issueLink(account, actor(request)), false);
        }
    }

    private void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AccountForm form = AccountForm.read(request, true, true);
        Optional<AccountAdministration.Created> created = form.validate(true)
                ? administration.create(form, actor(request))
                : Optional.empty();
        if (created.isEmpty()) {
            response.setStatus(UNPROCESSABLE);
            showForm(request, response, form, null, null);
            return;
        }
        showLink(request, response, accounts.byId(created.get().id()).orElseThrow(), created.get().link(), true);
    }

    private void update(HttpServletRequest request, HttpServletResponse response, Account account)
            throws IOException {
        AccountForm form = AccountForm.read(request, false, account.enabled());
        if (!form.validate(false) || !administration.update(account, form, actor(request))) {
            response.setStatus(UNPROCESSABLE);
            showForm(request, response, form, account, null);
            return;
        }
        Redirects.seeOther(response, editPath(account) + "?" + NOTICE + "=gespeichert");
    }

    private void showForm(HttpServletRequest request, HttpServletResponse response, AccountForm form,
            Account account, String notice) throws IOException {
        boolean create = account == null;
        Map<String, String> errors = form.errors;
        List<Field> fields = new ArrayList<>();
        if (create) {
            fields.add(Field.text(AccountForm.USER_NAME, "Benutzername", form.userName,
                    "3 bis 64 Zeichen: Kleinbuchstaben a–z, Ziffern, Punkt, Unterstrich, Bindestrich. "
                            + "Kann später nicht geändert werden.",
                    errors.get(AccountForm.USER_NAME), true, AccountRules.USER_NAME_MAX, "off", null));
        }
        fields.add(Field.text(AccountForm.NAME, "Name", form.displayName, "Vor- und Nachname, wie er im Portal "
                + "erscheint.", errors.get(AccountForm.NAME), true, AccountRules.NAME_MAX, "off", null));
        // type "text", not "email": a refused address shown back must still be valid HTML
        fields.add(Field.text(AccountForm.EMAIL, "E-Mail-Adresse (freiwillig)", form.email, null,
                errors.get(AccountForm.EMAIL), false, AccountRules.EMAIL_MAX, "off", "email"));
        fields.add(Field.text(AccountForm.MUNICIPALITY, "Gemeinde: Kreisschlüssel (AGS, freiwillig)",
                form.municipality, "Fünf Ziffern, zum Beispiel 08426 für den Landkreis Biberach. Bestimmt, in welche "
                        + "Vergleichsringe die Person Einblick hat.",
                errors.get(AccountForm.MUNICIPALITY), false, 5, "off", "numeric"));
        List<Choice> roles = new ArrayList<>();
        for (Role role : Role.values()) {
            roles.add(new Choice(role.id(), role.label(), form.roles.contains(role)));
        }
        List<ErrorLink> errorLinks = errors.entrySet().stream()
                .map(e -> new ErrorLink(AccountForm.ROLES.equals(e.getKey()) ? "rolle-" + Role.values()[0].id()
                        : "feld-" + e.getKey(), e.getValue()))
                .toList();
        String title = create ? "Neues Konto" : "Konto „" + account.userName() + "“";
        Info info = create ? null : new Info(account.id(), account.userName(),
                AccountListPage.status(account, Instant.now()), account.enabled());
        views.render(request, response, title, "account-form",
                new FormModel(Nav.forAccounts(false), notice, errorLinks, info, create,
                        create ? "/admin/konten/neu" : editPath(account), fields, roles,
                        errors.get(AccountForm.ROLES), form.enabled,
                        create ? "Konto anlegen" : "Änderungen speichern"));
    }

    private void confirmDisable(HttpServletRequest request, HttpServletResponse response, Account account,
            String refusal) throws IOException {
        views.render(request, response, "Konto deaktivieren?", "confirm", new ConfirmModel(Nav.forAccounts(false),
                refusal, "Wirklich das Konto „" + account.userName() + "“ (" + account.displayName()
                        + ") deaktivieren?",
                "Die Person wird sofort abgemeldet und kann sich nicht mehr anmelden, bis das Konto wieder "
                        + "aktiviert wird.",
                editPath(account) + "/deaktivieren", "Ja, deaktivieren", editPath(account)));
    }

    private void confirmReset(HttpServletRequest request, HttpServletResponse response, Account account)
            throws IOException {
        views.render(request, response, "Link zum Setzen des Passworts erstellen?", "confirm",
                new ConfirmModel(Nav.forAccounts(false), null, "Wirklich einen neuen Link zum Setzen des Passworts "
                        + "für „" + account.userName() + "“ (" + account.displayName() + ") erstellen?",
                        "Mit dem Link kann jeder, der ihn kennt, einmal ein neues Passwort für dieses Konto setzen. "
                                + "Frühere, noch nicht benutzte Links für das Konto werden ungültig. Das bisherige "
                                + "Passwort gilt weiter, bis der Link benutzt wird.",
                        editPath(account) + "/zuruecksetzen", "Ja, Link erstellen", editPath(account)));
    }

    private void showLink(HttpServletRequest request, HttpServletResponse response, Account account,
            ResetTokens.Issued issued, boolean created) throws IOException {
        views.render(request, response, created ? "Konto angelegt" : "Link zum Setzen des Passworts", "reset-link",
                new LinkModel(Nav.forAccounts(false), created, account.id(), account.userName(), account.displayName(),
                        SetPasswordPage.link(request, issued.token()), Times.minutes(issued.expiresAt())));
    }

    /** The fixed text for a notice key; the page never shows text taken from the address. */
    private static String notice(String key) {
        return key == null ? null : NOTICES.get(key);
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getPathInfo() == null ? "" : request.getPathInfo();
    }

    private static String editPath(Account account) {
        return "/admin/konten/" + account.id();
    }

    /** A checkbox. */
    public record Choice(String id, String label, boolean checked) {
    }

    /** An entry of the error summary, linking to its field. */
    public record ErrorLink(String target, String message) {
    }

    /** The stored account above its form. */
    public record Info(int id, String userName, String status, boolean enabled) {
    }

    /** What the account-form template renders. */
    public record FormModel(Nav nav, String notice, List<ErrorLink> errors, Info account, boolean create,
            String action, List<Field> fields, List<Choice> roles, String rolesError, boolean enabled,
            String submitLabel) {

        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }

    /** What the confirm template renders. */
    public record ConfirmModel(Nav nav, String refusal, String question, String explanation, String action,
            String yesLabel, String cancel) {
    }

    /** What the reset-link template renders. */
    public record LinkModel(Nav nav, boolean created, int id, String userName, String displayName, String link,
            String expires) {
    }
}
