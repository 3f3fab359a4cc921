package de.ringportal.news.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import de.ringportal.core.api.Access;
import de.ringportal.rings.api.Ring;
import de.ringportal.rings.api.Rings;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who may read and write which news: core's {@link Access} decides per ring; the rings module, when it runs, names
 * the rings (without it, only the rings that already have articles are known, and ring news cannot be written).
 */
@Component(service = NewsAccess.class)
public class NewsAccess {

    private final Access access;
    private final NewsStore store;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Rings rings;

    @Activate
    public NewsAccess(@Reference Access access, @Reference NewsStore store) {
        this.access = access;
        this.store = store;
    }

    Access access() {
        return access;
    }

    /** The rings whose news this reader may see; empty for anonymous visitors. */
    Set<String> readableRings(HttpServletRequest request) {
        if (access.viewer(request).isAnonymous()) {
            return Set.of();
        }
        Set<String> known = new TreeSet<>(store.audienceRings());
        Rings current = rings;
        if (current != null) {
            current.all().forEach(ring -> known.add(ring.id()));
        }
        return known.stream().filter(ring -> access.maySeeRing(request, ring)).collect(Collectors.toSet());
    }

    /** May this reader see the article at all (live or not)? */
    boolean mayRead(HttpServletRequest request, Article article) {
        return article.isPublic() || article.rings().stream().anyMatch(ring -> access.maySeeRing(request, ring));
    }

    /** The rings this person may write news for. */
    List<Ring> writableRings(HttpServletRequest request) {
        Rings current = rings;
        if (current == null) {
            return List.of();
        }
        List<Ring> writable = new ArrayList<>();
        for (Ring ring : current.all()) {
            if (access.mayModerateRing(request, ring.id())) {
                writable.add(ring);
            }
        }
        return writable;
    }

    /** May this person write news at all: the Redaktion, or a moderator of some ring. */
    boolean mayWrite(HttpServletRequest request) {
        return access.mayEditPublicContent(request) || !writableRings(request).isEmpty();
    }

    /** The Redaktion edits every article; a moderator those for their own rings only. */
    boolean mayEdit(HttpServletRequest request, Article article) {
        if (access.mayEditPublicContent(request)) {
            return true;
        }
        return !article.rings().isEmpty()
                && article.rings().stream().allMatch(ring -> access.mayModerateRing(request, ring));
    }

    /** May this person give an article this audience (empty: public)? */
    boolean mayPublishTo(HttpServletRequest request, Set<String> audience) {
        if (access.mayEditPublicContent(request)) {
            // without the rings module the ids cannot be checked; the Redaktion may write for any ring anyway
            Rings current = rings;
            return current == null || audience.stream().allMatch(ring -> current.byId(ring).isPresent());
        }
        return !audience.isEmpty() && audience.stream().allMatch(ring -> access.mayModerateRing(request, ring));
    }

    /** The rings' names for showing an audience: "Vergleichsring 3", or the id when the rings module is away. */
    String audienceLabel(Set<String> audience) {
        if (audience.isEmpty()) {
            return "öffentlich";
        }
        Rings current = rings;
        return audience.stream()
                .map(id -> current == null ? "Ring " + id : current.byId(id).map(Ring::name).orElse("Ring " + id))
                .sorted().collect(Collectors.joining(", "));
    }
}
