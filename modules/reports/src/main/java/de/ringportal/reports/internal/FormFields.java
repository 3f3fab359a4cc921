package de.ringportal.reports.internal;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The metadata fields of the upload and edit forms ({@code report-fields.mustache}), as typed, with their errors.
 *
 * @param errorOf field name to its German message
 */
record FormFields(Typed form, Map<String, String> errorOf, boolean mayPublish, boolean publicChecked,
        boolean ringsChecked, List<RingChoice> rings) {

    /** The values as typed. */
    record Typed(String title, String year, String description, String release) {
    }

    record RingChoice(String id, String name, boolean checked) {
    }

    static FormFields of(ReportForm shown, ReportAccess rules, HttpServletRequest request) {
        boolean redaktion = rules.isRedaktion(request);
        boolean ringsChosen = ReportForm.RINGS.equals(shown.audience) || !shown.rings.isEmpty() || !redaktion;
        List<RingChoice> rings = rules.uploadRings(request).stream()
                .map(ring -> new RingChoice(ring.id(), ring.name(), shown.rings.contains(ring.id()))).toList();
        return new FormFields(new Typed(shown.title, shown.year, shown.description, shown.release),
                shown.errors.byField(), redaktion, !ringsChosen, ringsChosen, rings);
    }
}
