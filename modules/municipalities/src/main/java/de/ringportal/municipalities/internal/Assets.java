package de.ringportal.municipalities.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

import de.ringportal.core.api.PortalContext;

/** Serves this bundle's stylesheet under /assets/kommunen/ (the portal's context reads it from this bundle). */
@Component(service = Assets.class)
@HttpWhiteboardResource(pattern = "/assets/kommunen/*", prefix = "/static")
@HttpWhiteboardContextSelect(PortalContext.SELECT)
public class Assets {
}
