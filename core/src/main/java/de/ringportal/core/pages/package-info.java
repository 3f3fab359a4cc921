/**
 * The page kit: one servlet answers a whole area through a route table. A feature page extends
 * {@link de.ringportal.core.pages.RoutedServlet} and lists its paths in {@link de.ringportal.core.pages.Routes}
 * ({@code /}, {@code /{id:int}}, {@code /ring/{ring:word}.ics}, ...), each with a
 * {@link de.ringportal.core.pages.Handler} and, where needed, a {@link de.ringportal.core.pages.Guard}; the handler
 * gets an {@link de.ringportal.core.pages.Exchange} to read parameters and to answer (render, 422 with form errors,
 * 303, 404). Unknown paths get 404, a known path with the wrong method 405 with {@code Allow}, a refused guard the
 * login page or 403, exactly as {@link de.ringportal.core.api.Access#require} answers; servlets that are not routed
 * use {@link de.ringportal.core.pages.Answers} for the same answers.
 */
@Version("1.0.0")
@Export
package de.ringportal.core.pages;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
