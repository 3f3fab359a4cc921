package de.ringportal.search.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Content a module offers to the search. Register it as a service with the property {@link #SOURCE}. The search
 * reads {@link #all()} when it (re)builds its index, and {@link #find(String)} when an event on
 * {@link #TOPIC_CHANGED} (properties {@link #SOURCE} and {@link #ID}) names an item; an empty answer removes it.
 * Drafts and deleted items are never returned.
 */
@ConsumerType
public interface SearchSource {

    /** Service and event property: the source's name ("news", "pages", "reports"). */
    String SOURCE = "ringportal.search.source";
    /** Event property: the id of the changed item. */
    String ID = "ringportal.search.id";
    /** Event Admin topic a module posts to after an item was saved, published, withdrawn or deleted. */
    String TOPIC_CHANGED = "de/ringportal/search/CHANGED";

    /** Every item that may appear in results. */
    List<SearchDocument> all();

    /** One item, or empty when it is gone or not (yet) searchable. */
    Optional<SearchDocument> find(String id);
}
