package de.ringportal.rings.internal;

import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import de.ringportal.municipalities.api.Municipalities;
import de.ringportal.municipalities.api.Municipality;
import de.ringportal.municipalities.api.MunicipalityMap;

/**
 * The municipality registry as the ring pages use it: optional and dynamic, so ring pages keep working (with
 * Kreisschlüssel instead of names, and without maps) while the registry bundle is stopped or missing.
 */
@Component(service = Registry.class)
public class Registry {

    static final String UNAVAILABLE = "Das Kommunenverzeichnis ist derzeit nicht verfügbar: Mitglieder werden mit "
            + "ihrem Kreisschlüssel angezeigt, Karten fehlen.";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Municipalities municipalities;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MunicipalityMap map;

    public Registry() {
    }

    Registry(Municipalities municipalities, MunicipalityMap map) {
        this.municipalities = municipalities;
        this.map = map;
    }

    /** A snapshot for one request: the services as they are now (each may vanish a moment later). */
    Snapshot snapshot() {
        return new Snapshot(municipalities, map);
    }

    /** The registry for one request. */
    static final class Snapshot {

        private final Municipalities municipalities;
        private final MunicipalityMap map;

        Snapshot(Municipalities municipalities, MunicipalityMap map) {
            this.municipalities = municipalities;
            this.map = map;
        }

        boolean available() {
            return municipalities != null;
        }

        /** The name, or the AGS where the registry is unavailable, does not know it or fails. */
        String nameOf(String ags) {
            return municipality(ags).map(Municipality::name).orElse(ags);
        }

        Optional<Municipality> municipality(String ags) {
            if (municipalities == null) {
                return Optional.empty();
            }
            try {
                return municipalities.byAgs(ags);
            } catch (RuntimeException e) {
                // the bundle stopping during this request: show the key instead
                return Optional.empty();
            }
        }

        /** The inline SVG map with these members filled, or null when the map service is unavailable or fails. */
        String mapOf(String title, Set<String> members) {
            if (map == null || members.isEmpty()) {
                return null;
            }
            try {
                return map.svg(title, members);
            } catch (RuntimeException e) {
                return null;
            }
        }

        /**
         * The Kreis and Land outlines that the maps of one page share ({@link #mapOnOutlines}), to put once into the
         * page; empty where the map service is unavailable, fails, or draws every map whole.
         */
        String outlines(String id) {
            if (map == null) {
                return "";
            }
            try {
                return map.outlines(id);
            } catch (RuntimeException e) {
                return "";
            }
        }

        /**
         * The map with these members filled on the page's shared {@link #outlines}, or null when the map service is
         * unavailable or fails, or there are no members.
         */
        String mapOnOutlines(String outlinesId, String id, String title, Set<String> members) {
            if (map == null || members.isEmpty()) {
                return null;
            }
            try {
                return map.svgOnOutlines(outlinesId, id, title, members);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
