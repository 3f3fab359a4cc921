package de.ringportal.admin.internal;

import java.util.Map;

/**
 * A capability some resolved bundle offers: an exported package ({@code osgi.wiring.package}), a bundle
 * ({@code osgi.wiring.bundle}), an execution environment, an extender, ...; with the attributes a requirement's
 * filter is matched against.
 *
 * @param provider the offering bundle's name, for messages
 */
record Offer(String namespace, Map<String, Object> attributes, String provider) {
}
