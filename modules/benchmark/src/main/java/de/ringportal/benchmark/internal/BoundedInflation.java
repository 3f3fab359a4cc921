package de.ringportal.benchmark.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * A zip entry's inflating stream that stops at the ratio or size bound of {@link XlsxReader.Limits}, counting the
 * bytes actually inflated and the compressed bytes actually consumed (commons-compress's statistics), not what the
 * headers claim: a bomb is refused after about {@code ratioGrace} bytes, not after inflating it.
 */
final class BoundedInflation extends FilterInputStream {
    private final InputStreamStatistics statistics;
    private final XlsxReader.Limits limits;

    BoundedInflation(InputStream in, XlsxReader.Limits limits) {
        super(in);
        this.statistics = (InputStreamStatistics) in;
        this.limits = limits;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        check();
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        check();
        return read;
    }

    private void check() throws XlsxReader.Refused {
        long inflated = statistics.getUncompressedCount();
        if (inflated > limits.maxEntryBytes()) {
            throw new XlsxReader.Refused("Die XLSX-Datei entpackt sich auf mehr als "
                    + limits.maxEntryBytes() / (1024 * 1024) + " MB und wird nicht gelesen. Nichts wurde importiert.");
        }
        if (inflated > limits.ratioGrace()
                && inflated > limits.maxRatio() * Math.max(1, statistics.getCompressedCount())) {
            throw new XlsxReader.Refused("Die XLSX-Datei ist ungewöhnlich stark komprimiert (mehr als "
                    + limits.maxRatio() + "-fach, ZIP-Bombe?) und wird nicht gelesen. Nichts wurde importiert. "
                    + "Bitte speichern Sie die Tabelle neu oder importieren Sie sie als CSV.");
        }
    }
}
