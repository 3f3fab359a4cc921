package de.ringportal.core.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import com.github.mustachejava.MustacheNotFoundException;

/**
 * The Mustache templates of one bundle, read from its {@code templates/} folder and compiled once. Mustache.java's
 * default resolver reads the thread context class loader, which cannot see a module's templates, so templates are
 * looked up through a function that asks the owning bundle.
 */
public final class BundleTemplates {

    private final MustacheFactory factory;

    /** @param entries finds a file inside the owning bundle, such as {@code bundle::getEntry}; null when absent */
    public BundleTemplates(Function<String, URL> entries) {
        this.factory = new DefaultMustacheFactory(name -> open(entries, name));
    }

    /**
     * Renders {@code templates/<name>.mustache}; values are HTML-escaped. Names are looked up in the scopes from the
     * last to the first, so put the model last and shared values (such as the request's) before it.
     */
    public String render(String name, Object... scopes) {
        TextWriter out = new TextWriter(4096);
        factory.compile(name).execute(out, scopes);
        return out.toString();
    }

    private static Reader open(Function<String, URL> entries, String name) {
        String file = "templates/" + (name.endsWith(".mustache") ? name : name + ".mustache");
        URL url = entries.apply(file);
        if (url == null) {
            throw new MustacheNotFoundException(file);
        }
        try {
            return new InputStreamReader(url.openStream(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read template " + file, e);
        }
    }

    /**
     * Collects the output in a plain {@link StringBuilder}. {@link java.io.StringWriter} appends to a
     * {@link StringBuffer}, which takes a lock on each of the many small writes a template makes, for output that
     * never leaves the rendering thread.
     */
    private static final class TextWriter extends Writer {

        private final StringBuilder text;

        TextWriter(int capacity) {
            this.text = new StringBuilder(capacity);
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void write(String string) {
            text.append(string);
        }

        @Override
        public void write(String string, int offset, int length) {
            text.append(string, offset, offset + length);
        }

        @Override
        public Writer append(CharSequence chars) {
            text.append(chars);
            return this;
        }

        @Override
        public Writer append(CharSequence chars, int start, int end) {
            text.append(chars, start, end);
            return this;
        }

        @Override
        public Writer append(char c) {
            text.append(c);
            return this;
        }

        @Override
        public void flush() {
            // nothing buffered
        }

        @Override
        public void close() {
            // nothing to release
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
