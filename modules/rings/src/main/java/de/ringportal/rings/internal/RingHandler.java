package de.ringportal.rings.internal;

import java.io.IOException;
import java.util.Optional;

import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.Handler;
import de.ringportal.rings.api.Ring;

/** A route's work on the ring its path names ({@code {ring:word}}). */
@FunctionalInterface
interface RingHandler {

    void handle(Exchange exchange, Ring ring) throws IOException;

    /** The route's handler: 404 for a ring that does not exist, else this work on it. */
    static Handler on(RingStore store, RingHandler handler) {
        return exchange -> {
            Optional<Ring> ring = store.ring(exchange.path().text("ring"));
            if (ring.isEmpty()) {
                exchange.notFound();
            } else {
                handler.handle(exchange, ring.get());
            }
        };
    }
}
