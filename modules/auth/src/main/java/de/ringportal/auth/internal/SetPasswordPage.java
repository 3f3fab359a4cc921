package de.ringportal.auth.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.auth.internal.AuditLog.Event;
import de.ringportal.core.api.Access;
import de.ringportal.core.api.PortalContext;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import de.ringportal.core.forms.FormErrors;
import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Where a one-time link leads: the person sets their own password. Public, since the person cannot log in yet; the
 * token in the link is the only key. Setting the password uses the token up, lifts a lockout and ends every session
 * of the account.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = SetPasswordPage.PATH)
public class SetPasswordPage extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    static final String PATH = "/passwort-setzen";
    static final String TOKEN = "token";

    private final transient ResetTokens tokens;
    private final transient Accounts accounts;
    private final transient Passwords passwords;
    private final transient LoginService logins;
    private final transient SessionStore sessions;
    private final transient AuditLog audit;

    @Activate
    public SetPasswordPage(@Reference Access access, @Reference Views views, @Reference ResetTokens tokens,
            @Reference Accounts accounts, @Reference Passwords passwords, @Reference LoginService logins,
            @Reference SessionStore sessions, @Reference AuditLog audit) {
        super(access, views);
        this.tokens = tokens;
        this.accounts = accounts;
        this.passwords = passwords;
        this.logins = logins;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** The absolute address of the page for this token, on the host the administrator's request came to. */
    static String link(HttpServletRequest request, String token) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        String host = request.getServerName();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        boolean defaultPort = port <= 0 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + PATH + "?" + TOKEN + "=" + token;
    }

    @Override
    protected Routes routes() {
        return Routes.builder().get("/", this::form).post("/", this::set).build();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        // the token is a key: no copies in caches, and not in the Referer of the page's own stylesheet requests
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        super.service(request, response);
    }

    /** The account a valid token belongs to; otherwise the page for the token's state is shown and empty returned. */
    private Optional<Account> accountOf(Exchange exchange, String token) throws IOException {
        ResetTokens.Check check = tokens.check(token);
        Optional<Account> account = check.state() == ResetTokens.State.VALID ? accounts.byId(check.accountId())
                : Optional.empty();
        if (account.isEmpty()) {
            showInvalid(exchange, check.state());
        }
        return account;
    }

    private void form(Exchange exchange) throws IOException {
        String token = exchange.request().getParameter(TOKEN);
        Optional<Account> account = accountOf(exchange, token);
        if (account.isPresent()) {
            showForm(exchange, token, account.get(), PasswordForm.empty());
        }
    }

    private void set(Exchange exchange) throws IOException {
        String token = exchange.request().getParameter(TOKEN);
        Optional<Account> found = accountOf(exchange, token);
        if (found.isEmpty()) {
            return;
        }
        Account account = found.get();
        PasswordForm form = PasswordForm.read(exchange.request());
        if (!form.validate(passwords, account.userName(), false)) {
            showForm(exchange, token, account, form);
            return;
        }
        String hash = logins.hash(form.password());
        if (tokens.consume(token).isEmpty()) {
            // the same link was used a moment ago in another request
            showInvalid(exchange, ResetTokens.State.USED);
            return;
        }
        accounts.setPasswordHash(account.id(), hash);
        accounts.clearFailures(account.id());
        logins.forget(account.userName());
        sessions.endAll(account.id());
        audit.record(Event.PASSWORD_RESET_USED, account.userName(), account.userName(),
                exchange.request().getRemoteAddr(), null);
        exchange.render("Passwort gesetzt", "password-set-done",
                new DoneModel(account.userName(), account.enabled(), PortalContext.LOGIN_PATH));
    }

    private static void showForm(Exchange exchange, String token, Account account, PasswordForm form)
            throws IOException {
        exchange.render(form.errors(), "Passwort setzen", "password-set",
                new FormModel(form.errors().summary(), account.userName(), token, form.newPasswordFields()));
    }

    private static void showInvalid(Exchange exchange, ResetTokens.State state) throws IOException {
        String message = switch (state) {
            case USED -> "Dieser Link wurde bereits benutzt. Jeder Link funktioniert nur einmal.";
            case EXPIRED -> "Dieser Link ist abgelaufen.";
            default -> "Dieser Link ist ungültig. Bitte prüfen Sie, ob Sie ihn vollständig übernommen haben.";
        };
        exchange.response().setStatus(state == ResetTokens.State.UNKNOWN ? HttpServletResponse.SC_NOT_FOUND
                : HttpServletResponse.SC_GONE);
        exchange.render("Link ungültig", "password-link-invalid", new InvalidModel(message));
    }

    /** What the password-set template renders. */
    public record FormModel(FormErrors.Summary summary, String userName, String token, List<Field> fields) {
    }

    /** What the password-link-invalid template renders. */
    public record InvalidModel(String message) {
    }

    /** What the password-set-done template renders. */
    public record DoneModel(String userName, boolean enabled, String loginPath) {
    }
}
