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
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /anmelden}: the login page (for browsers without JavaScript, and for protected pages asked for while
 * logged out) and the target of the header's login box. After login the person lands on the page they asked for.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = PortalContext.LOGIN_PATH)
public class LoginPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String USER = "benutzer";
    static final String PASSWORD = "passwort";
    static final int MAX_USER_NAME = 64;

    private final transient LoginService logins;
    private final transient SessionStore sessions;
    private final transient Views views;
    private final transient Access access;

    @Activate
    public LoginPage(@Reference LoginService logins, @Reference SessionStore sessions, @Reference Views views,
            @Reference Access access) {
        this.logins = logins;
        this.sessions = sessions;
        this.views = views;
        this.access = access;
    }

    /** What the login template renders. */
    public record Model(String target, String userName, String error, Viewer viewer) {

        public boolean loggedIn() {
            return !viewer.isAnonymous();
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String target = LocalTarget.of(request.getParameter(PortalContext.LOGIN_TARGET));
        show(request, response, new Model(target, "", null, access.viewer(request)));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String target = LocalTarget.of(request.getParameter(PortalContext.LOGIN_TARGET));
        String userName = request.getParameter(USER);
        String password = request.getParameter(PASSWORD);
        String problem = inputProblem(userName, password);
        if (problem != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            show(request, response, new Model(target, shown(userName), problem, Viewer.ANONYMOUS));
            return;
        }
        LoginService.Result result = logins.login(userName, password, request.getRemoteAddr());
        switch (result.outcome()) {
            case SUCCESS -> {
                sessions.start(request, response, result.account());
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", target);
            }
            case LOCKED, THROTTLED -> {
                response.setStatus(429);
                response.setHeader("Retry-After", Integer.toString(logins.lockMinutes() * 60));
                show(request, response, new Model(target, shown(userName), "Zu viele Fehlversuche: Die Anmeldung ist "
                        + "vorübergehend gesperrt. Bitte versuchen Sie es in " + logins.lockMinutes()
                        + " Minuten erneut.", Viewer.ANONYMOUS));
            }
            default -> show(request, response, new Model(target, shown(userName),
                    "Benutzername oder Passwort ist falsch.", Viewer.ANONYMOUS));
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        views.render(request, response, "Anmelden", "login", model);
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
