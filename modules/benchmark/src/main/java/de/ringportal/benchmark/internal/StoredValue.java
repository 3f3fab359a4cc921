package de.ringportal.benchmark.internal;

import java.time.Instant;

/** A value as stored: the figure, period, numbers, comment and release state of one municipality. */
public record StoredValue(String ags, String figureCode, String period, Double numerator, Double denominator,
        double value, String note, boolean released, String releasedBy, boolean synthetic, String changedBy,
        Instant changedAt) {
}
