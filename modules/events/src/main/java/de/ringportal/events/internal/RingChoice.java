package de.ringportal.events.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import de.ringportal.core.api.Access;
import de.ringportal.rings.api.Rings;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The rings an event can be meant for, from the rings module's {@link Rings}, referenced optional and dynamic. The
 * field is an {@code Object} and only {@link Live} touches the rings API, so this class loads even when the bundle
 * was resolved without the (optionally imported) API package; a {@link LinkageError} then counts as "no rings".
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
        try {
            return service == null ? Optional.empty() : Optional.of(Live.all(service));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** The ring's name where the rings module knows it, else "Ring" and the id. */
    static String name(Optional<List<Ring>> rings, String id) {
        return rings.flatMap(list -> list.stream().filter(ring -> ring.id().equals(id)).findFirst())
                .map(Ring::name).orElse("Ring " + id);
    }

    /** Why the audience {@code ringId} (null: public) cannot be chosen; null when the rings module knows it or is off. */
    static String unknownRing(Optional<List<Ring>> rings, String ringId) {
        return ringId == null || rings.isEmpty() || rings.get().stream().anyMatch(ring -> ring.id().equals(ringId))
                ? null : "Diesen Vergleichsring gibt es nicht. Bitte wählen Sie einen Ring aus der Liste.";
    }

    /** Why this viewer may not choose the audience {@code ringId} (null: public); empty when it may. */
    Optional<String> refusal(Access access, HttpServletRequest request, String ringId) {
        String unknown = unknownRing(all(), ringId);
        if (unknown != null) {
            return Optional.of(unknown);
        } else if (ringId == null) {
            return access.mayEditPublicContent(request) ? Optional.empty()
                    : Optional.of("Öffentliche Veranstaltungen trägt die Redaktion ein.");
        }
        return access.mayModerateRing(request, ringId) ? Optional.empty()
                : Optional.of("Für diesen Ring dürfen Sie keine Veranstaltungen eintragen.");
    }

    /** The only code that uses the rings API; loaded only when a Rings service is bound. */
    private static final class Live {

        static List<Ring> all(Object service) {
            return ((Rings) service).all().stream().map(ring -> new Ring(ring.id(), ring.name())).toList();
        }
    }
}
