package de.ringportal.benchmark.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Whether the public view of ring-level aggregates is on (off by default), and its minimum group size. */
@Component(service = PublicView.class)
@Designate(ocd = PublicView.Config.class)
public class PublicView {

    @ObjectClassDefinition(name = "Ringportal Kennzahlen: öffentliche Ansicht",
            description = "Öffentliche Übersicht der Kennzahlen: nur Kennwerte je Ring, ohne Namen von Kommunen.")
    public @interface Config {

        @AttributeDefinition(name = "Öffentliche Ansicht eingeschaltet",
                description = "Zeigt unter /kennzahlen/oeffentlich allen Besuchern Mittelwert, Median und Quartile "
                        + "je Ring und Kennzahl, ohne Namen von Kommunen. Ausgeschaltet antwortet die Seite mit 404.")
        boolean enabled() default false;

        @AttributeDefinition(name = "Mindestgröße einer Gruppe",
                description = "Kennwerte einer Gruppe erscheinen nur, wenn mindestens so viele Kommunen freigegebene "
                        + "Werte haben. Werte unter 5 gelten als 5.")
        int minGroup() default 5;
    }

    private volatile Config config;

    @Activate
    public PublicView(Config config) {
        this.config = config;
    }

    @Modified
    void modified(Config config) {
        this.config = config;
    }

    public boolean enabled() {
        return config.enabled();
    }

    public int minGroup() {
        return Math.max(Stats.PublicRules.MIN_GROUP, config.minGroup());
    }
}
