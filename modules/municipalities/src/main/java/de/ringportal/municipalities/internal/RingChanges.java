package de.ringportal.municipalities.internal;

import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import de.ringportal.core.api.RingMemberships;

/**
 * Counts the rings module's change events ({@link RingMemberships#TOPIC_CHANGED}: a ring added, renamed or deleted,
 * a membership added or removed), so that {@link RingIndex} drops its answer at once instead of when it expires.
 */
@Component(service = { RingChanges.class, EventHandler.class },
        property = EventConstants.EVENT_TOPIC + "=" + RingMemberships.TOPIC_CHANGED)
public class RingChanges implements EventHandler {

    private final AtomicLong generation = new AtomicLong();

    @Override
    public void handleEvent(Event event) {
        generation.incrementAndGet();
    }

    /** Rises with every change event; a cached answer of an older generation is stale. */
    long generation() {
        return generation.get();
    }
}
