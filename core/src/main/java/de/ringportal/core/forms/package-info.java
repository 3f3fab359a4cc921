/**
 * The form kit: {@link de.ringportal.core.forms.Fields} reads a form's values (stripped, never null) and checks them
 * with German messages into {@link de.ringportal.core.forms.FormErrors}, whose
 * {@link de.ringportal.core.forms.FormErrors#summary()} feeds the shared partial {@code {{> shared/error-summary}}}
 * (each message links to its field's anchor {@code feld-<name>}) and whose status (422) the page answers with;
 * {@link de.ringportal.core.forms.Uploads} receives one uploaded file within a {@link de.ringportal.core.forms.Uploads.Limit}
 * and says in German why it refused one.
 */
@Version("1.0.0")
@Export
package de.ringportal.core.forms;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
