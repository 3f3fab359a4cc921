package de.ringportal.rings.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Small request and response helpers shared by the ring pages. */
final class Http {

    private Http() {
    }

    /** The path below the servlet's pattern split into segments, without empty ones ("/4/intern/" → [4, intern]). */
    static List<String> segments(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null || path.isEmpty() || "/".equals(path)) {
            return List.of();
        }
        return List.of(path.substring(1).split("/")).stream().filter(segment -> !segment.isEmpty()).toList();
    }

    /** Post/redirect/get: 303 to a site-relative path. */
    static void seeOther(HttpServletResponse response, String path) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", path);
    }
}
