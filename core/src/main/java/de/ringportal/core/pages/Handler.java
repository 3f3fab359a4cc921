package de.ringportal.core.pages;

import java.io.IOException;

import org.osgi.annotation.versioning.ConsumerType;

/** Answers one route: reads the request through the {@link Exchange} and writes the answer. */
@ConsumerType
@FunctionalInterface
public interface Handler {

    void handle(Exchange exchange) throws IOException;
}
