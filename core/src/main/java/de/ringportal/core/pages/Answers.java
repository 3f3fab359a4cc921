package de.ringportal.core.pages;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The portal's standard answers for servlets that are not routed (a {@link RoutedServlet}'s {@link Exchange} gives
 * the same ones).
 */
public final class Answers {

    /** 422: the form was understood and refused; the servlet API 6.0 has no constant for it. */
    public static final int UNPROCESSABLE = 422;

    private Answers() {
    }

    /**
     * Post/redirect/get: 303 See Other to a path of the site, so the browser follows with a GET and a reload sends
     * nothing again. The portal's servlet context is the site's root ({@code /}), so the path is sent as given.
     *
     * @param sitePath a path built by the module, such as {@code /veranstaltungen/4?hinweis=gespeichert}: it must
     *        pass {@link #isSitePath}, else IllegalArgumentException (a target taken from the request, such as a login
     *        page's return address, is checked with {@link #isSitePath} first)
     */
    public static void seeOther(HttpServletResponse response, String sitePath) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", checkedSitePath(sitePath));
    }

    /** 404 through the container's error handling, so core's styled error page answers. */
    public static void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    /**
     * Is this a path of this site, safe as a redirect target? It starts with one {@code /} (so neither
     * {@code //other.host} nor a scheme), has no backslash (which browsers read as {@code /}), and no spaces or
     * control characters (encode them).
     */
    public static boolean isSitePath(String sitePath) {
        return sitePath != null && sitePath.startsWith("/") && !sitePath.startsWith("//") && !sitePath.contains("\\")
                && sitePath.chars().noneMatch(c -> c < 0x21 || c == 0x7f);
    }

    static String checkedSitePath(String sitePath) {
        if (!isSitePath(sitePath)) {
            throw new IllegalArgumentException("Not a path of the site: " + sitePath);
        }
        return sitePath;
    }
}
