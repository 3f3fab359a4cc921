package de.ringportal.auth.internal;

import static org.junit.Assert.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.junit.runner.RunWith;

import de.ringportal.auth.internal.AuditLog.Event;
import de.ringportal.core.api.Access;
import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.api.Role;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;
import jakarta.servlet.http.HttpServletRequest;

/** Other modules' actions land in the audit log with the person and address of the request. */
@RunWith(BothDatabases.class)
public class ModuleAuditTrailTest {

    private final AuditLog log = new AuditLog(TestDatabase.migrated(AuditLog.class, "auth"), mock(ModuleSchema.class));

    @Test
    public void a_known_label_gets_its_own_event_with_actor_and_client() {
        trail().record(request(), "Modul installiert", "de.ringportal.events 0.1.0", "Name: Ringportal events");

        AuditLog.Entry entry = entries().get(0);
        assertEquals(Event.MODULE_INSTALLED, entry.event());
        assertEquals("admin", entry.actor());
        assertEquals("de.ringportal.events 0.1.0", entry.subject());
        assertEquals("192.0.2.7", entry.client());
        assertEquals("Name: Ringportal events", entry.detail());
    }

    @Test
    public void an_unknown_label_is_kept_in_the_detail() {
        trail().record(request(), "Bericht heruntergeladen", "bericht-17", "Ring 3");

        AuditLog.Entry entry = entries().get(0);
        assertEquals(Event.OTHER, entry.event());
        assertEquals("Bericht heruntergeladen: Ring 3", entry.detail());
    }

    private ModuleAuditTrail trail() {
        Access access = mock(Access.class);
        when(access.viewer(org.mockito.ArgumentMatchers.any())).thenReturn(new Viewer("admin", "Administration", null,
                Set.of(Role.ADMINISTRATION)));
        return new ModuleAuditTrail(log, access);
    }

    private static HttpServletRequest request() {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getRemoteAddr()).thenReturn("192.0.2.7");
        return request;
    }

    private List<AuditLog.Entry> entries() {
        return log.find(new AuditLog.Filter(null, null, null, null), 0, 10);
    }
}
