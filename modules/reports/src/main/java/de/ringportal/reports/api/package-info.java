/**
 * The reports library's API: {@link de.ringportal.reports.api.ReportLibrary} files a document from another
 * module (the ring report of the key figures, for instance).
 */
@Version("1.0.0")
@Export
package de.ringportal.reports.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
