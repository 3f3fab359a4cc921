package de.ringportal.core.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

import de.ringportal.core.api.PortalContext;

/** Serves core's stylesheet and images under /assets/core/ (cache headers come from {@link PortalFilter}). */
@Component(service = CoreAssets.class)
@HttpWhiteboardResource(pattern = "/assets/core/*", prefix = "/static")
@HttpWhiteboardContextSelect(PortalContext.SELECT)
public class CoreAssets {
}
