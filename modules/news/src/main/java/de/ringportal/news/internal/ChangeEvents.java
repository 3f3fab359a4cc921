package de.ringportal.news.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import de.ringportal.search.api.SearchSource;

/** Tells the search (through Event Admin, when it runs) that an article changed, so it re-reads or drops it. */
@Component(service = ChangeEvents.class)
public class ChangeEvents {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;

    void changed(int articleId) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(new Event(SearchSource.TOPIC_CHANGED,
                    Map.of(SearchSource.SOURCE, NewsSearchSource.NAME, SearchSource.ID, String.valueOf(articleId))));
        }
    }
}
