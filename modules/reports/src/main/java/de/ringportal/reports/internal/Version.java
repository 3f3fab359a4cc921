package de.ringportal.reports.internal;

import java.time.Instant;

/** One uploaded file of a report; the bytes live in the {@link BlobStore} under {@code sha256}. */
public record Version(int reportId, int version, String sha256, long size, String fileName, FileKind kind,
        Instant uploadedAt, String uploadedBy) {
}
