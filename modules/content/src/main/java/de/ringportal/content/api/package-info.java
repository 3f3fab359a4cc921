/**
 * Shared editorial services: {@link de.ringportal.content.api.RichText} turns Markdown into sanitised HTML,
 * {@link de.ringportal.content.api.Versions} keeps every saved version of a page or article, and
 * {@link de.ringportal.content.api.StartPageSection} lets a module add a section to the start page.
 */
@Version("1.3.0")
@Export
package de.ringportal.content.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
