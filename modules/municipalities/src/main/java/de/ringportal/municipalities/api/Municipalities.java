package de.ringportal.municipalities.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The registry, as other modules ask it. Answers come from the database and reflect every edit at once. */
@ProviderType
public interface Municipalities {

    /** Every unit, merged ones included, sorted by name. */
    List<Municipality> all();

    /** The unit with that Kreisschlüssel. */
    Optional<Municipality> byAgs(String ags);

    /** The Optionskommunen on that day: admitted by then, existing then, sorted by name. */
    List<Municipality> activeOn(LocalDate day);

    /** The display name of a Kreisschlüssel, or the key itself where the registry does not know it. */
    default String nameOf(String ags) {
        return byAgs(ags).map(Municipality::name).orElse(ags);
    }
}
