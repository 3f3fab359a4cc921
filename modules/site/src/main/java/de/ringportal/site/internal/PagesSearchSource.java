package de.ringportal.site.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import de.ringportal.search.api.SearchDocument;
import de.ringportal.search.api.SearchSource;

/** The site's pages for the search (all public), and the change events that tell it to re-read one. */
@Component(service = {SearchSource.class, PagesSearchSource.class},
        property = SearchSource.SOURCE + "=" + PagesSearchSource.NAME)
public class PagesSearchSource implements SearchSource {

    static final String NAME = "pages";

    private final SitePages pages;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;

    @Activate
    public PagesSearchSource(@Reference SitePages pages) {
        this.pages = pages;
    }

    @Override
    public List<SearchDocument> all() {
        return pages.all().stream().map(this::document).toList();
    }

    @Override
    public Optional<SearchDocument> find(String id) {
        return pages.find(id).map(this::document);
    }

    /** Posts the change of a page (saved, restored or deleted) on the search's topic, when Event Admin runs. */
    void changed(String slug) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(new Event(TOPIC_CHANGED, Map.of(SearchSource.SOURCE, NAME, SearchSource.ID, slug)));
        }
    }

    private SearchDocument document(SitePage page) {
        return new SearchDocument(NAME, page.slug(), page.title(), pages.text(page), page.path(), Set.of(), null);
    }
}
