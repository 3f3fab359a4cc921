package de.ringportal.auth.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.PortalContext;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.api.Views;
import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /anmelden}: the login page (for browsers without JavaScript, and for protected pages asked for while
 * logged out) and the target of the header's login box. After login the person lands on the page they asked for.
 * Not a {@code FormErrors} form on purpose: one message for both fields, so that it never tells which one was wrong
 * (no user enumeration); input that cannot be a login is 400, a lockout 429, wrong credentials 200.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = PortalContext.LOGIN_PATH)
public class LoginPage extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    static final String USER = "benutzer";
    static final String PASSWORD = "passwort";
    static final int MAX_USER_NAME = 64;

    private final transient LoginService logins;
    private final transient SessionStore sessions;

    @Activate
    public LoginPage(@Reference LoginService logins, @Reference SessionStore sessions, @Reference Views views,
            @Reference Access access) {
        super(access, views);
        this.logins = logins;
        this.sessions = sessions;
    }

    @Override
    protected Routes routes() {
        return Routes.builder().get("/", this::form).post("/", this::login).build();
    }

    /** What the login template renders. */
    public record Model(String target, String userName, String error, Viewer viewer) {

        public boolean loggedIn() {
            return !viewer.isAnonymous();
        }
    }

    private void form(Exchange exchange) throws IOException {
        String target = LocalTarget.of(exchange.request().getParameter(PortalContext.LOGIN_TARGET));
        show(exchange, new Model(target, "", null, exchange.viewer()));
    }

    private void login(Exchange exchange) throws IOException {
        HttpServletResponse response = exchange.response();
        String target = LocalTarget.of(exchange.request().getParameter(PortalContext.LOGIN_TARGET));
        String userName = exchange.request().getParameter(USER);
        String password = exchange.request().getParameter(PASSWORD);
        String problem = inputProblem(userName, password);
        if (problem != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            show(exchange, new Model(target, shown(userName), problem, Viewer.ANONYMOUS));
            return;
        }
        LoginService.Result result = logins.login(userName, password, exchange.request().getRemoteAddr());
        switch (result.outcome()) {
            case SUCCESS -> {
                sessions.start(exchange.request(), response, result.account());
                exchange.seeOther(target);
            }
            case LOCKED, THROTTLED -> {
                response.setStatus(429);
                response.setHeader("Retry-After", Integer.toString(logins.lockMinutes() * 60));
                show(exchange, new Model(target, shown(userName), "Zu viele Fehlversuche: Die Anmeldung ist "
                        + "vorübergehend gesperrt. Bitte versuchen Sie es in " + logins.lockMinutes()
                        + " Minuten erneut.", Viewer.ANONYMOUS));
            }
            default -> show(exchange, new Model(target, shown(userName),
                    "Benutzername oder Passwort ist falsch.", Viewer.ANONYMOUS));
        }
    }

    private static void show(Exchange exchange, Model model) throws IOException {
        exchange.response().setHeader("Cache-Control", "no-store");
        exchange.render("Anmelden", "login", model);
    }

    /** German message for input that cannot be a login at all; null when it may be checked. */
    static String inputProblem(String userName, String password) {
        if (userName == null || userName.isBlank() || password == null || password.isEmpty()) {
            return "Bitte geben Sie Benutzername und Passwort ein.";
        }
        if (userName.length() > MAX_USER_NAME || password.length() > Passwords.MAX_LENGTH) {
            return "Benutzername oder Passwort ist zu lang.";
        }
        if (userName.chars().anyMatch(Character::isISOControl) || password.chars().anyMatch(Character::isISOControl)) {
            return "Benutzername und Passwort dürfen keine Steuerzeichen enthalten.";
        }
        return null;
    }

    /** The user name as it may be shown again in the form: short and without control characters. */
    private static String shown(String userName) {
        if (userName == null) {
            return "";
        }
        String clean = userName.replaceAll("\\p{Cntrl}", "");
        return clean.length() > MAX_USER_NAME ? clean.substring(0, MAX_USER_NAME) : clean;
    }
}
