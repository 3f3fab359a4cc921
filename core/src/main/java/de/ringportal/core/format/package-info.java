/**
 * Formatting shared by the feature bundles: {@link de.ringportal.core.format.GermanDates} holds the portal's
 * time zone (Europe/Berlin) and the German date shapes the pages show.
 */
@Version("1.0.0")
@Export
package de.ringportal.core.format;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
