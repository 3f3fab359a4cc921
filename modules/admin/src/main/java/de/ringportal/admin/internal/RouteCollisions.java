package de.ringportal.admin.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.dto.DTOConstants;
import org.osgi.service.servlet.runtime.dto.FailedServletDTO;
import org.osgi.service.servlet.runtime.dto.ServletContextDTO;
import org.osgi.service.servlet.runtime.dto.ServletDTO;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;

/**
 * Whether a module that just started claims an address another module already serves, read from the servlet
 * whiteboard's runtime DTOs: a servlet shadowed by another service that was not failing before the change.
 */
final class RouteCollisions {

    private static final long SETTLE_MILLIS = 3_000;

    private final HttpServiceRuntime runtime;

    RouteCollisions(HttpServiceRuntime runtime) {
        this.runtime = runtime;
    }

    /** The service ids of the servlets that fail right now; taken before a change, to compare with after it. */
    Set<Long> failedServlets() {
        Set<Long> ids = new HashSet<>();
        for (FailedServletDTO failed : runtime.getRuntimeDTO().failedServletDTOs) {
            ids.add(failed.serviceId);
        }
        return ids;
    }

    /**
     * Waits, briefly, until the bundle's servlets reach the whiteboard; returns the German reason when one of them
     * is shadowed by a servlet of another module, else null.
     */
    String collision(Bundle bundle, Set<Long> failedBefore) {
        // Declarative Services may register the servlets a little later (after the module's schema is migrated)
        boolean components = bundle.getHeaders("").get("Service-Component") != null;
        long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
        while (true) {
            List<String> taken = new ArrayList<>();
            Set<Long> failedNow = new HashSet<>();
            for (FailedServletDTO failed : runtime.getRuntimeDTO().failedServletDTOs) {
                failedNow.add(failed.serviceId);
                if (failed.failureReason == DTOConstants.FAILURE_REASON_SHADOWED_BY_OTHER_SERVICE
                        && !failedBefore.contains(failed.serviceId)) {
                    taken.addAll(Arrays.asList(failed.patterns));
                }
            }
            if (!taken.isEmpty()) {
                return "Das Modul beansprucht die Adresse " + String.join(", ", taken.stream().map(pattern ->
                        pattern.isEmpty() ? "/" : pattern).toList()) + ", die schon ein anderes Modul bedient.";
            }
            Set<Long> servlets = servletServices(bundle);
            Set<Long> settled = served();
            settled.addAll(failedNow);
            if (servlets.isEmpty() ? !components : settled.containsAll(servlets)) {
                return null;
            }
            if (System.currentTimeMillis() > deadline) {
                return null;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    private static Set<Long> servletServices(Bundle bundle) {
        Set<Long> ids = new HashSet<>();
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        if (registered != null) {
            for (ServiceReference<?> reference : registered) {
                if (reference.getProperty(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN) != null) {
                    ids.add((Long) reference.getProperty(Constants.SERVICE_ID));
                }
            }
        }
        return ids;
    }

    private Set<Long> served() {
        Set<Long> ids = new HashSet<>();
        for (ServletContextDTO servletContext : runtime.getRuntimeDTO().servletContextDTOs) {
            for (ServletDTO servlet : servletContext.servletDTOs) {
                ids.add(servlet.serviceId);
            }
        }
        return ids;
    }
}
