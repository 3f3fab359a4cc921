package de.ringportal.reports.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Set;

import org.junit.Test;

import de.ringportal.core.api.Access;
import jakarta.servlet.http.HttpServletRequest;

/** Who may edit and delete a report: the Redaktion any, a moderator only reports wholly within their rings. */
public class ReportAccessTest {

    private final HttpServletRequest request = mock(HttpServletRequest.class);

    /** The Redaktion edits public and ring reports alike. */
    @Test
    public void redaktion_edits_every_report() {
        ReportAccess rules = rules(true, Set.of());
        assertTrue(rules.mayEdit(request, report(Set.of())));
        assertTrue(rules.mayEdit(request, report(Set.of("5"))));
    }

    /** A ring-3 moderator edits ring-3 reports, not public ones, other rings' or those ring 3 shares with ring 5. */
    @Test
    public void moderator_edits_only_reports_wholly_within_their_rings() {
        ReportAccess rules = rules(false, Set.of("3"));
        assertTrue(rules.mayEdit(request, report(Set.of("3"))));
        assertFalse(rules.mayEdit(request, report(Set.of())));
        assertFalse(rules.mayEdit(request, report(Set.of("5"))));
        assertFalse(rules.mayEdit(request, report(Set.of("3", "5"))));
        assertTrue("managing (versions, audit) stays as before", rules.mayManage(request, report(Set.of("3", "5"))));
        assertTrue(rules(false, Set.of("3", "5")).mayEdit(request, report(Set.of("3", "5"))));
    }

    /** Members and visitors edit nothing. */
    @Test
    public void members_edit_nothing() {
        ReportAccess rules = rules(false, Set.of());
        assertFalse(rules.mayEdit(request, report(Set.of("3"))));
        assertFalse(rules.mayEdit(request, report(Set.of())));
    }

    private ReportAccess rules(boolean redaktion, Set<String> moderated) {
        Access access = mock(Access.class);
        when(access.mayEditPublicContent(any())).thenReturn(redaktion);
        when(access.mayModerateRing(any(), anyString()))
                .thenAnswer(call -> redaktion || moderated.contains(call.getArgument(1, String.class)));
        return new ReportAccess(access, new RingCatalog(null));
    }

    static Report report(Set<String> rings) {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        return new Report(1, "Bericht", 2025, "", rings, null, now, "test",
                new Version(1, 1, "a".repeat(64), 10, "a.pdf", FileKind.PDF, now, "test"));
    }
}
