/**
 * The portal's API for feature bundles: a module registers a page with {@link de.ringportal.core.api.Route},
 * renders it with {@link de.ringportal.core.api.Views}, adds menu entries with
 * {@link de.ringportal.core.api.MenuEntry} and waits for its database tables through
 * {@link de.ringportal.core.api.ModuleSchema}, writes in transactions that survive concurrent writers with
 * {@link de.ringportal.core.api.Transactions}, and asks {@link de.ringportal.core.api.Access} who may see what.
 */
@Version("1.6.0")
@Export
package de.ringportal.core.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
