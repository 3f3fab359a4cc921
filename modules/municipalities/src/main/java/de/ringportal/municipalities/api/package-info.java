/**
 * The municipality registry's API: {@link de.ringportal.municipalities.api.Municipalities} answers which
 * Optionskommunen exist, with their type, Land, year of admission and area reforms.
 */
@Version("1.1.0")
@Export
package de.ringportal.municipalities.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
