/**
 * Shared editorial services: {@link de.ringportal.content.api.RichText} turns Markdown into sanitised HTML.
 */
@Version("1.0.0")
@Export
package de.ringportal.content.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
