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
import de.ringportal.core.api.Views;
import de.ringportal.core.forms.FormErrors;
import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;

/**
 * A logged-in person changes their own password: the current one, then the new one twice. The current password is
 * checked first on every attempt, so a wrong one and a policy problem take the same time; a wrong one is not counted
 * as a failed login. Success ends every session of the account and starts a fresh one for this browser.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = ChangePasswordPage.PATH)
public class ChangePasswordPage extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    static final String PATH = "/konto/passwort";

    private final transient Accounts accounts;
    private final transient Passwords passwords;
    private final transient LoginService logins;
    private final transient SessionStore sessions;
    private final transient AuditLog audit;

    @Activate
    public ChangePasswordPage(@Reference Access access, @Reference Accounts accounts, @Reference Passwords passwords,
            @Reference LoginService logins, @Reference SessionStore sessions, @Reference AuditLog audit,
            @Reference Views views) {
        super(access, views);
        this.accounts = accounts;
        this.passwords = passwords;
        this.logins = logins;
        this.sessions = sessions;
        this.audit = audit;
    }

    @Override
    protected Routes routes() {
        return Routes.builder()
                .guardAll((request, path) -> !access().viewer(request).isAnonymous())
                .get("/", this::form)
                .post("/", this::change)
                .build();
    }

    private void form(Exchange exchange) throws IOException {
        show(exchange, PasswordForm.empty(),
                "geaendert".equals(exchange.request().getParameter("hinweis")) ? "Ihr Passwort ist geändert." : null);
    }

    private void change(Exchange exchange) throws IOException {
        Optional<Account> found = accounts.byUserName(exchange.viewer().userName()).filter(Account::enabled);
        if (found.isEmpty()) {
            exchange.require(false);
            return;
        }
        Account account = found.get();
        PasswordForm form = PasswordForm.read(exchange.request());
        String client = exchange.request().getRemoteAddr();
        // always first, whatever else is wrong with the form: one Argon2id check on every attempt, counted like a
        // login, so a stolen session cannot be used to guess the password without end
        LoginService.Outcome outcome = logins.confirm(account.userName(), form.current(), client).outcome();
        boolean currentMatches = outcome == LoginService.Outcome.SUCCESS;
        if (outcome == LoginService.Outcome.LOCKED || outcome == LoginService.Outcome.THROTTLED) {
            form.errors().add(PasswordForm.CURRENT, "Zu viele Fehlversuche: Das Konto ist vorübergehend gesperrt. "
                    + "Bitte versuchen Sie es in " + logins.lockMinutes() + " Minuten erneut.");
        } else if (!currentMatches) {
            form.errors().add(PasswordForm.CURRENT, "Das aktuelle Passwort ist nicht richtig.");
        }
        if (!form.validate(passwords, account.userName(), currentMatches)) {
            show(exchange, form, null);
            return;
        }
        accounts.setPasswordHash(account.id(), logins.hash(form.password()));
        sessions.endAll(account.id());
        sessions.start(exchange.request(), exchange.response(), account);
        audit.record(Event.PASSWORD_CHANGED, account.userName(), account.userName(), client, null);
        exchange.seeOther(PATH + "?hinweis=geaendert");
    }

    private void show(Exchange exchange, PasswordForm form, String notice) throws IOException {
        List<Field> fields = new ArrayList<>();
        fields.add(Field.password(PasswordForm.CURRENT, "Aktuelles Passwort", null,
                form.errors().byField().get(PasswordForm.CURRENT), "current-password"));
        fields.addAll(form.newPasswordFields());
        exchange.render(form.errors(), "Passwort ändern", "password-change",
                new Model(notice, form.errors().summary(), exchange.viewer().userName(), fields));
    }

    /** What the password-change template renders. */
    public record Model(String notice, FormErrors.Summary summary, String userName, List<Field> fields) {
    }
}
