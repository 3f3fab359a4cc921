/**
 * Formatting shared by the feature bundles: {@link de.ringportal.core.format.GermanDates} holds the portal's
 * time zone (Europe/Berlin), the German date shapes the pages show and the parsing of typed dates;
 * {@link de.ringportal.core.format.GermanNumbers} reads and writes "1.234,5"; {@link de.ringportal.core.format.FileSizes}
 * shows byte counts ("1,5 MB"); {@link de.ringportal.core.format.SpreadsheetCells} keeps exported CSV cells from
 * running as formulas and reads them back.
 */
@Version("1.1.0")
@Export
package de.ringportal.core.format;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
