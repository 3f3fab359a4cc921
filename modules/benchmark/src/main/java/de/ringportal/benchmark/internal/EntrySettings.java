package de.ringportal.benchmark.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The plausibility settings shared by the entry form and the import. */
@Component(service = EntrySettings.class)
@Designate(ocd = EntrySettings.Config.class)
public class EntrySettings {

    @ObjectClassDefinition(name = "Ringportal Kennzahlen: Erfassung",
            description = "Plausibilitätsprüfung bei Erfassung und Import der Kennzahlen.")
    public @interface Config {

        @AttributeDefinition(name = "Sprung in Prozent",
                description = "Weicht ein Wert um mehr als diesen Prozentsatz vom Wert des vorigen Zeitraums ab, "
                        + "muss die erfassende Person die Abweichung im Kommentar begründen.")
        double jumpPercent() default 30;
    }

    private volatile double jumpPercent;

    @Activate
    public EntrySettings(Config config) {
        modified(config);
    }

    @Modified
    void modified(Config config) {
        this.jumpPercent = Math.max(0, config.jumpPercent());
    }

    public double jumpPercent() {
        return jumpPercent;
    }
}
