package de.ringportal.search.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import de.ringportal.search.api.SearchSource;

/** Hands each change event of a module to the index, which re-reads that one item from its source. */
@Component(property = EventConstants.EVENT_TOPIC + "=" + SearchSource.TOPIC_CHANGED)
public class ChangeHandler implements EventHandler {

    private final SearchIndex index;

    @Activate
    public ChangeHandler(@Reference SearchIndex index) {
        this.index = index;
    }

    @Override
    public void handleEvent(Event event) {
        Object source = event.getProperty(SearchSource.SOURCE);
        Object id = event.getProperty(SearchSource.ID);
        if (source != null && id != null) {
            index.changed(source.toString(), id.toString());
        }
    }
}
