package de.ringportal.news.internal;

import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.content.api.StartPageSection;
import de.ringportal.core.api.Views;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The start page's news: the latest public articles and, for a logged-in ring member, the latest of their rings. */
@Component(service = StartPageSection.class, property = StartPageSection.ORDER + ":Integer=10")
public class NewsStartSection implements StartPageSection {

    static final int LATEST = 3;

    /** A ring's article with its audience label. */
    record RingEntry(Article article, String audience) {
    }

    record Section(List<Article> latest, boolean hasLatest, List<RingEntry> ringNews, boolean hasRingNews) {
    }

    private final NewsStore store;
    private final NewsAccess newsAccess;
    private final Views views;

    @Activate
    public NewsStartSection(@Reference NewsStore store, @Reference NewsAccess newsAccess, @Reference Views views) {
        this.store = store;
        this.newsAccess = newsAccess;
        this.views = views;
    }

    @Override
    public String html(HttpServletRequest request, HttpServletResponse response) {
        List<Article> latest = store.live(Set.of(), null, false, 0, LATEST).articles();
        Set<String> rings = newsAccess.readableRings(request);
        List<Article> ringNews = rings.isEmpty() ? List.of() : store.live(rings, null, true, 0, LATEST).articles();
        List<RingEntry> entries = ringNews.stream()
                .map(article -> new RingEntry(article, newsAccess.audienceLabel(article.rings()))).toList();
        return views.fragment("start-section", new Section(latest, !latest.isEmpty(), entries, !entries.isEmpty()));
    }
}
