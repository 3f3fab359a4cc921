package de.ringportal.reports.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import de.ringportal.rings.api.Ring;
import de.ringportal.rings.api.Rings;

/**
 * The rings a report can be addressed to: from the rings module when it runs, otherwise the seven comparison rings
 * by number, so uploads and filters keep working without it.
 */
@Component(service = RingCatalog.class)
public class RingCatalog {

    /** The comparison rings 2006–2011 were seven. */
    static final int FALLBACK_RINGS = 7;

    /** A ring as the pages list it. */
    public record Entry(String id, String name) {
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Rings rings;

    public RingCatalog() {
    }

    RingCatalog(Rings rings) {
        this.rings = rings;
    }

    List<Entry> all() {
        Rings current = rings;
        List<Entry> entries = new ArrayList<>();
        if (current != null) {
            for (Ring ring : current.all()) {
                entries.add(new Entry(ring.id(), ring.name()));
            }
            if (!entries.isEmpty()) {
                return entries;
            }
        }
        for (int number = 1; number <= FALLBACK_RINGS; number++) {
            entries.add(new Entry(Integer.toString(number), "Vergleichsring " + number));
        }
        return entries;
    }

    String name(String id) {
        return all().stream().filter(entry -> entry.id().equals(id)).map(Entry::name).findFirst()
                .orElse("Vergleichsring " + id);
    }
}
