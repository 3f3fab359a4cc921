package de.ringportal.rings.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import de.ringportal.core.api.Access;
import de.ringportal.core.format.GermanDates;
import de.ringportal.core.pages.Exchange;
import de.ringportal.rings.api.Ring;

/** The start page of a ring's internal area: the latest announcements, the next meetings, the directory's size. */
final class InternalOverview {

    private static final int SHOWN = 3;

    private final RingAreaStore area;
    private final Access access;
    private final Clock clock;

    InternalOverview(RingAreaStore area, Access access, Clock clock) {
        this.area = area;
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

    void show(Exchange exchange, Ring ring) throws IOException {
        LocalDate today = GermanDates.today(clock);
        List<MeetingsPage.View> upcoming = area.meetings(ring.id()).stream()
                .filter(meeting -> !meeting.date().isBefore(today))
                .sorted(Comparator.comparing(RingAreaStore.Meeting::date)).limit(SHOWN)
                .map(meeting -> MeetingsPage.View.of(meeting, today)).toList();
        Model model = new Model(InternalFrame.of(access, exchange.request(), ring, InternalFrame.OVERVIEW),
                area.announcements(ring.id(), 0, SHOWN).stream().map(AnnouncementsPage.View::of).toList(),
                upcoming, area.contacts(ring.id()).size());
        exchange.render(ring.name() + ": interner Bereich", "intern-overview", model);
    }
}
