package de.ringportal.auth.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.HeaderBox;
import de.ringportal.core.api.PortalContext;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.api.Views;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The box in every page's header: user name and password fields for visitors; the person's name, municipality, a
 * link to change the password and a logout button once logged in.
 */
@Component(service = HeaderBox.class)
public class LoginBox implements HeaderBox {

    private final Views views;
    private final Access access;

    @Activate
    public LoginBox(@Reference Views views, @Reference Access access) {
        this.views = views;
        this.access = access;
    }

    /** What the box template renders. */
    public record Model(Viewer viewer, boolean loggedIn, String target, boolean showForm) {

        public String municipalityLabel() {
            return viewer.municipality() == null ? null : "Kommune " + viewer.municipality();
        }
    }

    @Override
    public String html(HttpServletRequest request, HttpServletResponse response) {
        Viewer viewer = access.viewer(request);
        String path = request.getRequestURI();
        // the login page has the form in its main content; the same form in the header would only repeat it
        boolean showForm = viewer.isAnonymous() && !PortalContext.LOGIN_PATH.equals(path);
        String target = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
        return views.fragment(request, response, "login-box",
                new Model(viewer, !viewer.isAnonymous(), LocalTarget.of(target), showForm));
    }
}
