/**
 * The search's API: modules offer their content as {@link de.ringportal.search.api.SearchSource} services (a
 * whiteboard) and announce changes through Event Admin on {@link de.ringportal.search.api.SearchSource#TOPIC_CHANGED}.
 */
@Version("1.0.0")
@Export
package de.ringportal.search.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
