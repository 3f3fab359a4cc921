package de.ringportal.core.api;

/**
 * Page arithmetic and the links of a paged list, for the shared template {@code {{> shared/pager}}} (see
 * {@link Views}): "Seite 2 von 5" with links to the pages before and after.
 *
 * @param page     the page shown, from 1
 * @param pages    how many pages there are, at least 1
 * @param total    how many entries the whole list has
 * @param offset   the index of the first entry of this page, for the query
 * @param previous link to the page before, or null on the first page
 * @param next     link to the page after, or null on the last page
 */
public record Pager(int page, int pages, int total, int offset, String previous, String next) {

    /** The URL parameter that carries the page number. */
    public static final String PARAMETER = "seite";

    /**
     * @param requested the page number as sent (any text); out-of-range or unreadable numbers land on the nearest page
     * @param total     how many entries the list has
     * @param pageSize  entries per page
     * @param linkBase  the list's address with its other parameters, ending in "?" or "&amp;", to which "seite=n" is
     *                  added
     */
    public static Pager of(String requested, int total, int pageSize, String linkBase) {
        int pages = Math.max(1, (total + pageSize - 1) / pageSize);
        int page = Math.min(Math.max(1, parse(requested)), pages);
        return new Pager(page, pages, total, (page - 1) * pageSize,
                page > 1 ? linkBase + PARAMETER + "=" + (page - 1) : null,
                page < pages ? linkBase + PARAMETER + "=" + (page + 1) : null);
    }

    /** Whether there is more than one page, that is, whether links are shown. */
    public boolean several() {
        return pages > 1;
    }

    private static int parse(String number) {
        return number == null || !number.matches("[0-9]{1,6}") ? 1 : Integer.parseInt(number);
    }
}
