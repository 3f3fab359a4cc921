package de.ringportal.auth.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

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

    /** The registry's names, while the municipalities module runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MunicipalityNames municipalityNames;

    @Activate
    public LoginBox(@Reference Views views, @Reference Access access) {
        this.views = views;
        this.access = access;
    }

    /** What the box template renders. */
    public record Model(Viewer viewer, boolean loggedIn, String target, boolean showForm, String municipalityName) {

        /** The municipality's name from the registry; without it, its key. */
        public String municipalityLabel() {
            if (viewer.municipality() == null) {
                return null;
            }
            return municipalityName != null ? municipalityName : "Kommune " + viewer.municipality();
        }
    }

    @Override
    public String html(HttpServletRequest request, HttpServletResponse response) {
        Viewer viewer = access.viewer(request);
        String path = request.getRequestURI();
        // the login page has the form in its main content; the same form in the header would only repeat it
        boolean showForm = viewer.isAnonymous() && !PortalContext.LOGIN_PATH.equals(path);
        String target = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
        MunicipalityNames names = municipalityNames;
        String municipalityName = names == null || viewer.municipality() == null ? null
                : names.nameOf(viewer.municipality());
        return views.fragment(request, response, "login-box",
                new Model(viewer, !viewer.isAnonymous(), LocalTarget.of(target), showForm, municipalityName));
    }
}
