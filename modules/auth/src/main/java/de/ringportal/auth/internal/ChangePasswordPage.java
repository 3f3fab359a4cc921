package de.ringportal.auth.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.auth.internal.AuditLog.Event;
import de.ringportal.core.api.Access;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.api.Views;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A logged-in person changes their own password: the current one, then the new one twice. The current password is
 * checked first on every attempt, so a wrong one and a policy problem take the same time; a wrong one is not counted
 * as a failed login. Success ends every session of the account and starts a fresh one for this browser.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = ChangePasswordPage.PATH)
public class ChangePasswordPage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PATH = "/konto/passwort";

    private final transient Access access;
    private final transient Accounts accounts;
    private final transient Passwords passwords;
    private final transient LoginService logins;
    private final transient SessionStore sessions;
    private final transient AuditLog audit;
    private final transient Views views;

    @Activate
    public ChangePasswordPage(@Reference Access access, @Reference Accounts accounts, @Reference Passwords passwords,
            @Reference LoginService logins, @Reference SessionStore sessions, @Reference AuditLog audit,
            @Reference Views views) {
        this.access = access;
        this.accounts = accounts;
        this.passwords = passwords;
        this.logins = logins;
        this.sessions = sessions;
        this.audit = audit;
        this.views = views;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (access.require(request, response, !access.viewer(request).isAnonymous())) {
            super.service(request, response);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        show(request, response, new PasswordForm("", "", ""),
                "geaendert".equals(request.getParameter("hinweis")) ? "Ihr Passwort ist geändert." : null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Viewer viewer = access.viewer(request);
        Optional<Account> found = accounts.byUserName(viewer.userName()).filter(Account::enabled);
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Account account = found.get();
        PasswordForm form = PasswordForm.read(request);
        // always first, whatever else is wrong with the form: one Argon2id check on every attempt, counted like a
        // login, so a stolen session cannot be used to guess the password without end
        LoginService.Outcome outcome = logins.confirm(account.userName(), form.current, request.getRemoteAddr())
                .outcome();
        boolean currentMatches = outcome == LoginService.Outcome.SUCCESS;
        if (outcome == LoginService.Outcome.LOCKED || outcome == LoginService.Outcome.THROTTLED) {
            form.errors.put(PasswordForm.CURRENT, "Zu viele Fehlversuche: Das Konto ist vorübergehend gesperrt. "
                    + "Bitte versuchen Sie es in " + logins.lockMinutes() + " Minuten erneut.");
        } else if (!currentMatches) {
            form.errors.put(PasswordForm.CURRENT, "Das aktuelle Passwort ist nicht richtig.");
        }
        boolean valid = form.validate(passwords, account.userName());
        if (currentMatches && form.password.equals(form.current)) {
            form.errors.putIfAbsent(PasswordForm.NEW, "Das neue Passwort muss sich vom aktuellen unterscheiden.");
            valid = false;
        }
        if (!currentMatches || !valid) {
            response.setStatus(AccountPages.UNPROCESSABLE);
            show(request, response, form, null);
            return;
        }
        accounts.setPasswordHash(account.id(), logins.hash(form.password));
        sessions.endAll(account.id());
        sessions.start(request, response, account);
        audit.record(Event.PASSWORD_CHANGED, account.userName(), account.userName(), request.getRemoteAddr(), null);
        Redirects.seeOther(response, PATH + "?hinweis=geaendert");
    }

    private void show(HttpServletRequest request, HttpServletResponse response, PasswordForm form, String notice)
            throws IOException {
        List<Field> fields = new ArrayList<>();
        fields.add(Field.password(PasswordForm.CURRENT, "Aktuelles Passwort", null,
                form.errors.get(PasswordForm.CURRENT), "current-password"));
        fields.addAll(form.newPasswordFields());
        List<AccountPages.ErrorLink> errors = new ArrayList<>();
        for (String name : List.of(PasswordForm.CURRENT, PasswordForm.NEW, PasswordForm.REPEAT)) {
            if (form.errors.containsKey(name)) {
                errors.add(new AccountPages.ErrorLink("feld-" + name, form.errors.get(name)));
            }
        }
        views.render(request, response, "Passwort ändern", "password-change",
                new Model(notice, errors, access.viewer(request).userName(), fields));
    }

    /** What the password-change template renders. */
    public record Model(String notice, List<AccountPages.ErrorLink> errors, String userName, List<Field> fields) {

        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }
}
