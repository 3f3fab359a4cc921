package de.ringportal.reports.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import de.ringportal.core.api.Access;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who may do what with a report, on top of core's {@link Access}: the Redaktion everything; a ring's moderators
 * upload to their ring and manage that ring's reports; members see their ring's released reports; everyone sees
 * public released ones. Embargoed reports exist only for those who may manage them.
 */
final class ReportAccess {

    private final Access access;
    private final RingCatalog rings;

    ReportAccess(Access access, RingCatalog rings) {
        this.access = access;
        this.rings = rings;
    }

    boolean isRedaktion(HttpServletRequest request) {
        return access.mayEditPublicContent(request);
    }

    /** Manage: see under embargo, see and download old versions, upload new versions, see the download audit. */
    boolean mayManage(HttpServletRequest request, Report report) {
        return isRedaktion(request)
                || !report.isPublic() && report.rings().stream().anyMatch(ring -> access.mayModerateRing(request, ring));
    }

    /**
     * Edit the metadata or delete: the Redaktion any report, a moderator a report addressed only to rings they
     * moderate (the rule of the upload), never a public one or one that other rings share.
     */
    boolean mayEdit(HttpServletRequest request, Report report) {
        return isRedaktion(request)
                || !report.isPublic() && report.rings().stream().allMatch(ring -> access.mayModerateRing(request, ring));
    }

    /** Released and addressed to the viewer, or managed by them. */
    boolean maySee(HttpServletRequest request, Report report, Instant now) {
        return mayManage(request, report) || !report.isEmbargoed(now)
                && (report.isPublic() || report.rings().stream().anyMatch(ring -> access.maySeeRing(request, ring)));
    }

    /** Rings the viewer may upload to. */
    List<RingCatalog.Entry> uploadRings(HttpServletRequest request) {
        return rings.all().stream().filter(ring -> access.mayModerateRing(request, ring.id())).toList();
    }

    /** The ids of {@link #uploadRings}: the rings a form of this viewer may address. */
    Set<String> uploadRingIds(HttpServletRequest request) {
        return uploadRings(request).stream().map(RingCatalog.Entry::id).collect(Collectors.toSet());
    }

    boolean mayUpload(HttpServletRequest request) {
        return isRedaktion(request) || !uploadRings(request).isEmpty();
    }

    /** Rings whose reports the viewer may see, for filters. */
    List<RingCatalog.Entry> visibleRings(HttpServletRequest request) {
        return rings.all().stream().filter(ring -> access.maySeeRing(request, ring.id())).toList();
    }

    ReportStore.Audience audience(HttpServletRequest request, Instant now) {
        Set<String> visible = visibleRings(request).stream().map(RingCatalog.Entry::id).collect(Collectors.toSet());
        Set<String> moderated = uploadRingIds(request);
        return new ReportStore.Audience(isRedaktion(request), visible, moderated, now);
    }

    Access core() {
        return access;
    }
}
