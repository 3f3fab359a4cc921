package de.ringportal.rings.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.Views;
import de.ringportal.rings.api.Ring;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The start page of a ring's internal area: the latest announcements, the next meetings, the directory's size. */
final class InternalOverview {

    private static final int SHOWN = 3;

    private final RingAreaStore store;
    private final Views views;
    private final Access access;
    private final Clock clock;

    InternalOverview(RingAreaStore store, Views views, Access access, Clock clock) {
        this.store = store;
        this.views = views;
        this.access = access;
        this.clock = clock;
    }

    /** The model of {@code intern-overview}. */
    record Model(InternalFrame frame, List<AnnouncementsPage.View> announcements,
            List<MeetingsPage.View> upcoming, int contactCount) {

        boolean hasUpcoming() {
            return !upcoming.isEmpty();
        }
    }

    void show(HttpServletRequest request, HttpServletResponse response, Ring ring) throws IOException {
        LocalDate today = LocalDate.now(clock);
        List<MeetingsPage.View> upcoming = store.meetings(ring.id()).stream()
                .filter(meeting -> !meeting.date().isBefore(today))
                .sorted(Comparator.comparing(RingAreaStore.Meeting::date)).limit(SHOWN)
                .map(meeting -> MeetingsPage.View.of(meeting, today)).toList();
        Model model = new Model(InternalFrame.of(access, request, ring, InternalFrame.OVERVIEW),
                store.announcements(ring.id(), 0, SHOWN).stream().map(AnnouncementsPage.View::of).toList(),
                upcoming, store.contacts(ring.id()).size());
        views.render(request, response, ring.name() + ": interner Bereich", "intern-overview", model);
    }
}
