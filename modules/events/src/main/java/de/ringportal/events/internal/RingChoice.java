package de.ringportal.events.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import de.ringportal.rings.api.Rings;

/**
 * The rings an event can be meant for, from the rings module's {@link Rings} service, referenced optional and
 * dynamic: without the rings module the form falls back to a text field for the ring's id. The field is typed
 * {@code Object} and only {@link Live} touches the rings API, so this class loads even when the bundle was resolved
 * without the (optionally imported) rings API package; a {@link LinkageError} then counts as "no rings".
 */
@Component(service = RingChoice.class)
public class RingChoice {

    /** A ring to choose: its id and its name ("Vergleichsring 4: verdichtete Kreise"). */
    public record Ring(String id, String name) {
    }

    @Reference(service = Rings.class, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Object rings;

    /** Every ring, ordered by number; empty when the rings module does not run (or fails). */
    Optional<List<Ring>> all() {
        Object service = rings;
        if (service == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Live.all(service));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** The ring's name where the rings module knows it, else "Ring" and the id. */
    static String name(Optional<List<Ring>> rings, String id) {
        return rings.flatMap(list -> list.stream().filter(ring -> ring.id().equals(id)).findFirst())
                .map(Ring::name).orElse("Ring " + id);
    }

    /**
     * Why the audience {@code ringId} (null: public) cannot be chosen, or null when it can: with the rings module
     * running the ring must exist; without it only the form of the id is checked (by the form itself).
     */
    static String unknownRing(Optional<List<Ring>> rings, String ringId) {
        if (ringId == null || rings.isEmpty() || rings.get().stream().anyMatch(ring -> ring.id().equals(ringId))) {
            return null;
        }
        return "Diesen Vergleichsring gibt es nicht. Bitte wählen Sie einen Ring aus der Liste.";
    }

    /** The only code that uses the rings API; loaded only when a Rings service is bound. */
    private static final class Live {

        static List<Ring> all(Object service) {
            return ((Rings) service).all().stream().map(ring -> new Ring(ring.id(), ring.name())).toList();
        }
    }
}
