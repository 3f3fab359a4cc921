package de.ringportal.news.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.content.api.RichText;
import de.ringportal.search.api.SearchDocument;
import de.ringportal.search.api.SearchSource;

/**
 * The published articles for the search, with their rings (so the search shows ring news to that ring only) and
 * their publication time (so a future article is found only from then). Drafts are never offered.
 */
@Component(service = SearchSource.class, property = SearchSource.SOURCE + "=" + NewsSearchSource.NAME)
public class NewsSearchSource implements SearchSource {

    static final String NAME = "news";

    private final NewsStore store;
    private final RichText richText;

    @Activate
    public NewsSearchSource(@Reference NewsStore store, @Reference RichText richText) {
        this.store = store;
        this.richText = richText;
    }

    @Override
    public List<SearchDocument> all() {
        return store.all().stream().filter(article -> article.status() == Article.Status.PUBLISHED)
                .map(this::document).toList();
    }

    @Override
    public Optional<SearchDocument> find(String id) {
        try {
            return store.find(Integer.parseInt(id)).filter(article -> article.status() == Article.Status.PUBLISHED)
                    .map(this::document);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private SearchDocument document(Article article) {
        String text = (article.teaser() + "\n\n" + richText.toText(article.body())).strip();
        return new SearchDocument(NAME, String.valueOf(article.id()), article.title(), text, article.path(),
                article.rings(), article.publishedAt());
    }
}
