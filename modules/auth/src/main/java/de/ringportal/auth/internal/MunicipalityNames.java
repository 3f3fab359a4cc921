package de.ringportal.auth.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.municipalities.api.Municipalities;

/**
 * The municipality registry's names, behind a type of this bundle: {@link LoginBox} refers to this component only,
 * so it keeps working (showing the key) when the registry's bundle, or even its API package, is missing; then this
 * component alone stays unsatisfied.
 */
@Component(service = MunicipalityNames.class)
public class MunicipalityNames {

    private final Municipalities municipalities;

    @Activate
    public MunicipalityNames(@Reference Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    /** The name of the municipality with this key, or null when the registry does not know it. */
    public String nameOf(String ags) {
        return municipalities.byAgs(ags).map(m -> m.name()).orElse(null);
    }
}
