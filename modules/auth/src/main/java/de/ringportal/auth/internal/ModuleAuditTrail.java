package de.ringportal.auth.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.auth.internal.AuditLog.Event;
import de.ringportal.core.api.Access;
import de.ringportal.core.api.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The audit log as other modules see it: their actions land in the same table as logins and account changes, with
 * the acting person and address taken from the request. A label the log knows (such as "Modul installiert") gets its
 * own kind of event, so the log page can filter by it; any other label is kept in the detail.
 */
@Component(service = AuditTrail.class)
public class ModuleAuditTrail implements AuditTrail {

    private final AuditLog log;
    private final Access access;

    @Activate
    public ModuleAuditTrail(@Reference AuditLog log, @Reference Access access) {
        this.log = log;
        this.access = access;
    }

    @Override
    public void record(HttpServletRequest request, String action, String subject, String detail) {
        Event event = Event.ofLabel(action);
        String text = detail == null ? "" : detail;
        if (event == Event.OTHER) {
            text = text.isEmpty() ? action : action + ": " + text;
        }
        String actor = request == null ? null : access.viewer(request).userName();
        String client = request == null ? null : request.getRemoteAddr();
        log.record(event, actor == null || actor.isEmpty() ? null : actor, subject, client, text);
    }
}
