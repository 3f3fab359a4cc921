package de.ringportal.benchmark.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import de.ringportal.municipalities.api.Municipalities;
import de.ringportal.rings.api.Ring;
import de.ringportal.rings.api.Rings;

/**
 * The rings and municipality names as the key figure pages need them, from the rings and municipalities modules
 * when they run. Without the rings module there are no ring comparisons (the pages say so); without the
 * municipalities module names come from the list of Optionskommunen bundled here.
 */
@Component(service = Directory.class)
public class Directory {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Rings rings;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Municipalities municipalities;

    private final Map<String, String> bundledNames;
    private final List<String> optionskommunen2012;

    public Directory() {
        Map<String, String> names = new LinkedHashMap<>();
        List<String> active = new ArrayList<>();
        try (InputStream in = Directory.class.getResourceAsStream("/data/kommunen.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] parts = line.split(";", -1);
                names.put(parts[0], parts[1]);
                if ("ja".equals(parts[2])) {
                    active.add(parts[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.bundledNames = Collections.unmodifiableMap(names);
        this.optionskommunen2012 = List.copyOf(active);
    }

    Directory(Rings rings, Municipalities municipalities) {
        this();
        this.rings = rings;
        this.municipalities = municipalities;
    }

    public boolean ringsAvailable() {
        return rings != null;
    }

    public List<Ring> rings() {
        Rings current = rings;
        return current == null ? List.of() : current.all();
    }

    public Optional<Ring> ring(String id) {
        Rings current = rings;
        return current == null || id == null ? Optional.empty() : current.byId(id);
    }

    public Optional<Ring> ringOf(String ags, int year) {
        Rings current = rings;
        return current == null || ags == null ? Optional.empty() : current.ringOf(ags, year);
    }

    public List<String> members(String ringId, int year) {
        Rings current = rings;
        return current == null ? List.of() : current.members(ringId, year);
    }

    /** The name of a municipality; the key itself where nobody knows it. */
    public String name(String ags) {
        Municipalities current = municipalities;
        if (current != null) {
            String name = current.nameOf(ags);
            if (!name.equals(ags)) {
                return name;
            }
        }
        return bundledNames.getOrDefault(ags, ags);
    }

    /** Is this a known Kreisschlüssel (of the registry, or of the bundled list)? */
    public boolean known(String ags) {
        Municipalities current = municipalities;
        return bundledNames.containsKey(ags) || current != null && current.byAgs(ags).isPresent();
    }

    /** The 108 Optionskommunen of 2012, the demo data's municipalities. */
    public List<String> optionskommunen() {
        return optionskommunen2012;
    }
}
