package de.ringportal.core.internal;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContext;

import de.ringportal.core.api.PortalContext;

/**
 * The portal's one servlet context, at the root. Bundle-scoped, so each module's resources (stylesheets, images)
 * are looked up in that module's own bundle.
 */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE)
@HttpWhiteboardContext(name = PortalContext.NAME, path = "/")
public class PortalContextHelper extends ServletContextHelper {

    @Activate
    public PortalContextHelper(ComponentContext context) {
        super(context.getUsingBundle());
    }
}
