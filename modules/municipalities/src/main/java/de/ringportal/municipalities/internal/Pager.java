package de.ringportal.municipalities.internal;

/**
 * Page arithmetic and the links of a paged list.
 *
 * @param previous link to the page before, or null on the first page
 * @param next     link to the page after, or null on the last page
 */
public record Pager(int page, int pages, int total, int offset, String previous, String next) {

    /**
     * @param requested the page number as sent (any text); out-of-range or unreadable numbers land on the nearest page
     * @param linkBase  the list's address with its other parameters, ending in "?" or "&amp;"
     */
    static Pager of(String requested, int total, int pageSize, String linkBase) {
        int pages = Math.max(1, (total + pageSize - 1) / pageSize);
        int page = Math.min(Math.max(1, parse(requested)), pages);
        return new Pager(page, pages, total, (page - 1) * pageSize,
                page > 1 ? linkBase + "seite=" + (page - 1) : null,
                page < pages ? linkBase + "seite=" + (page + 1) : null);
    }

    public boolean several() {
        return pages > 1;
    }

    private static int parse(String number) {
        return number == null || !number.matches("[0-9]{1,6}") ? 1 : Integer.parseInt(number);
    }
}
