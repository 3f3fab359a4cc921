/**
 * The comparison rings' API: {@link de.ringportal.rings.api.Rings} answers which rings exist and which
 * municipalities belong to which ring in a year.
 */
@Version("1.0.0")
@Export
package de.ringportal.rings.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
