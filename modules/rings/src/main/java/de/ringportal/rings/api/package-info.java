/**
 * The comparison rings' API: {@link de.ringportal.rings.api.Rings} answers which rings exist and which
 * municipalities belong to which ring in a year. After every change of a ring or of a membership the rings module
 * posts an Event Admin event on {@link de.ringportal.rings.api.Rings#TOPIC_CHANGED}
 * ({@code de/ringportal/rings/CHANGED}).
 */
@Version("1.1.0")
@Export
package de.ringportal.rings.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
