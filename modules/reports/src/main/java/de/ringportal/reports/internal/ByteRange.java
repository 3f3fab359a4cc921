package de.ringportal.reports.internal;

import java.util.Optional;

/**
 * One byte range of a {@code Range} header (RFC 9110, section 14), resolved against the file's length.
 *
 * @param first the first byte sent
 * @param last  the last byte sent, inclusive
 */
record ByteRange(long first, long last) {

    /** What a {@code Range} header asks for. */
    sealed interface Request permits Whole, Part, Unsatisfiable {
    }

    /** No range, or one the server may ignore (malformed, several ranges, another unit): send the whole file. */
    record Whole() implements Request {
    }

    /** Exactly one satisfiable range: 206. */
    record Part(ByteRange range) implements Request {
    }

    /** A well-formed range outside the file: 416. */
    record Unsatisfiable() implements Request {
    }

    long length() {
        return last - first + 1;
    }

    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    static Request parse(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        String value = header.strip();
        if (!value.regionMatches(true, 0, "bytes=", 0, 6)) {
            return new Whole();
        }
        String spec = value.substring(6).strip();
        if (spec.contains(",")) {
            // several ranges would need multipart/byteranges; RFC 9110 lets a server answer with the whole file
            return new Whole();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Whole();
        }
        Optional<Long> from = number(spec.substring(0, dash).strip());
        Optional<Long> to = number(spec.substring(dash + 1).strip());
        if (spec.substring(0, dash).isBlank()) {
            // suffix range: the last n bytes
            if (to.isEmpty()) {
                return new Whole();
            }
            if (to.get() == 0 || size == 0) {
                return new Unsatisfiable();
            }
            return new Part(new ByteRange(Math.max(0, size - to.get()), size - 1));
        }
        if (from.isEmpty() || !spec.substring(dash + 1).isBlank() && to.isEmpty()) {
            return new Whole();
        }
        long first = from.get();
        long last = to.map(end -> Math.min(end, size - 1)).orElse(size - 1);
        if (to.isPresent() && to.get() < first) {
            return new Whole();
        }
        if (first >= size) {
            return new Unsatisfiable();
        }
        return new Part(new ByteRange(first, last));
    }

    private static Optional<Long> number(String digits) {
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }
}
