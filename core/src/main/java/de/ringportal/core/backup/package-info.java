/**
 * Backup and restore of the whole portal in one portable file: {@link de.ringportal.core.backup.Backups} creates a
 * backup while the portal serves (the administration page drives it). The file is a zip with {@code manifest.json}
 * (portal version, time, database, each module schema with its Flyway version, each part with SHA-256 and size), one
 * JSON-lines file per table, the stored report files and the feature bundles installed at runtime. The same file
 * restores into an empty Derby or PostgreSQL database ({@code java -jar ringportal.jar restore FILE}).
 */
@Version("1.0.0")
@Export
package de.ringportal.core.backup;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
