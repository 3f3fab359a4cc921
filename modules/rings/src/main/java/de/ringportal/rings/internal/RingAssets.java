package de.ringportal.rings.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

import de.ringportal.core.api.PortalContext;

/** Serves the ring pages' stylesheet under /assets/rings/ (cache headers come from core's filter). */
@Component(service = RingAssets.class)
@HttpWhiteboardResource(pattern = "/assets/rings/*", prefix = "/static")
@HttpWhiteboardContextSelect(PortalContext.SELECT)
public class RingAssets {
}
