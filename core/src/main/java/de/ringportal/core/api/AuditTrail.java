package de.ringportal.core.api;

import org.osgi.annotation.versioning.ProviderType;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The portal's audit log, for actions of other modules that administrators and the Redaktion must be able to trace
 * (bundle installs, configuration changes, downloads of ring-internal reports). The accounts module keeps it.
 */
@ProviderType
public interface AuditTrail {

    /**
     * Records an action by the person behind the request.
     *
     * @param request the request that performed it (who, from where)
     * @param action  a short German label of the kind of action ("Modul installiert")
     * @param subject what it concerns ("de.ringportal.events 0.1.0")
     * @param detail  free text, may be empty
     */
    void record(HttpServletRequest request, String action, String subject, String detail);
}
