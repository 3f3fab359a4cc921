package de.ringportal.reports.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text inside a PDF, for the search, read with Apache PDFBox from the stored file (random access, with a
 * temporary-file cache, so a large report is not held in memory), within a budget of work: pages, characters,
 * content-stream operators and a deadline. A small file can cost much more than its size suggests (hundreds of pages
 * drawing one compressed stream), so every page and every operator counts; when a bound is reached, the text read so
 * far is the result. A PDF that cannot be read is still filed; it is then found by its title and description only.
 */
final class PdfText {

    private static final Logger LOG = LoggerFactory.getLogger(PdfText.class);

    /**
     * How much one PDF may cost.
     *
     * @param pages      pages read at most (the first pages carry the summary and the terms people search for)
     * @param characters characters kept at most (more adds little to the search and much to the index)
     * @param operators  content-stream operators run at most, over all pages (the work a page costs)
     * @param time       how long the extraction may take
     */
    record Limits(int pages, int characters, long operators, Duration time) {
    }

    /** Why the extraction ended. Only {@link #INTERRUPTED} means it should be tried again. */
    enum End {
        COMPLETE, PAGES, CHARACTERS, OPERATORS, DEADLINE, INTERRUPTED, UNREADABLE
    }

    /**
     * What was extracted.
     *
     * @param pages the pages fully or partly processed
     */
    record Result(String text, int pages, End end) {
    }

    private PdfText() {
    }

    static Result of(Path file, Limits limits) {
        return of(file, limits, System::nanoTime);
    }

    /** As {@link #of(Path, Limits)}, with the clock the deadline is read from (in nanoseconds). */
    static Result of(Path file, Limits limits, LongSupplier nanoTime) {
        Bounded stripper;
        StringWriter text = new StringWriter();
        try {
            stripper = new Bounded(limits, nanoTime);
        } catch (IOException | RuntimeException e) {
            return unreadable(file, e);
        }
        End end = End.COMPLETE;
        try (PDDocument document = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            stripper.writeText(document, new BoundedWriter(text, limits.characters()));
        } catch (Stop stop) {
            end = stop.end;
        } catch (IOException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                // an interrupt during file access (the portal stopping) is no sign of a broken file
                return new Result("", stripper.pages, End.INTERRUPTED);
            }
            return unreadable(file, e);
        }
        if (end != End.COMPLETE) {
            LOG.info("Text of PDF {} ends at a bound ({}) after {} pages", file.getFileName(), end,
                    stripper.pages);
        }
        return new Result(text.toString().replace('\u0000', ' ').strip(), stripper.pages, end);
    }

    private static Result unreadable(Path file, Exception e) {
        LOG.warn("No text from PDF {}: {}", file.getFileName(), e.toString());
        return new Result("", 0, End.UNREADABLE);
    }

    /** Ends the extraction from deep inside PDFBox; the text written so far stays. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient End end;

        Stop(End end) {
            super(end.name(), null, false, false);
            this.end = end;
        }
    }

    /** Counts pages, operators and glyphs as PDFBox runs the content streams, and watches the deadline. */
    private static final class Bounded extends PDFTextStripper {
        private final Limits limits;
        private final LongSupplier nanoTime;
        private final long deadline;
        int pages;
        private long operators;
        private long glyphs;

        Bounded(Limits limits, LongSupplier nanoTime) throws IOException {
            this.limits = limits;
            this.nanoTime = nanoTime;
            this.deadline = nanoTime.getAsLong() + limits.time().toNanos();
        }

        @Override
        public void processPage(PDPage page) throws IOException {
            // PDFTextStripper visits every page and skips those outside its range itself: end the loop instead
            if (pages == limits.pages()) {
                throw new Stop(End.PAGES);
            }
            check();
            pages++;
            super.processPage(page);
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            if (++operators > limits.operators()) {
                throw new Stop(End.OPERATORS);
            }
            // the clock is read every 256 operators: often enough, and not a cost of its own
            if ((operators & 0xFF) == 0) {
                check();
            }
            super.processOperator(operator, operands);
        }

        /** A page's glyphs are held until the page is written: bound them too, or one page could fill the heap. */
        @Override
        protected void processTextPosition(TextPosition position) {
            if (++glyphs > limits.characters()) {
                throw new Stop(End.CHARACTERS);
            }
            super.processTextPosition(position);
        }

        private void check() {
            if (Thread.currentThread().isInterrupted()) {
                throw new Stop(End.INTERRUPTED);
            }
            if (nanoTime.getAsLong() - deadline > 0) {
                throw new Stop(End.DEADLINE);
            }
        }
    }

    /** Keeps at most {@code limit} characters, then ends the extraction. */
    private static final class BoundedWriter extends Writer {
        private final Writer target;
        private long left;

        BoundedWriter(Writer target, long limit) {
            this.target = target;
            this.left = limit;
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            int kept = (int) Math.min(length, left);
            target.write(buffer, offset, kept);
            left -= kept;
            if (kept < length) {
                throw new Stop(End.CHARACTERS);
            }
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }

        @Override
        public void close() throws IOException {
            target.close();
        }
    }
}
