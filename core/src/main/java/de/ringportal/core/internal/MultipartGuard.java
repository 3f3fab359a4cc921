package de.ringportal.core.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Checks an upload ({@code multipart/form-data}) before any page reads it, so that a malformed one is a 400 and one
 * with too many parts or too large part headers a 413, each with the styled page, and never a 500 from deep inside
 * a page. The whiteboard parses uploads for the servlets that enable multipart (with Commons FileUpload, at most 50
 * parts and 10 KB of headers per part); parsing here caches the parts for the page, so nothing is read twice. Bodies
 * over a page's own size limit pass on, so the page can name its limit in German.
 */
final class MultipartGuard {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartGuard.class);
    /** RFC 2046: 1 to 70 characters, quoted or not. */
    private static final Pattern BOUNDARY = Pattern.compile(
            "(?i);\\s*boundary=(?:\"([0-9A-Za-z'()+_,\\-./:=? ]{0,69}[0-9A-Za-z'()+_,\\-./:=?])\"|([0-9A-Za-z'()+_,\\-./:=?]{1,70}))\\s*(?:;|$)");

    private MultipartGuard() {
    }

    /** 0 when the request is no upload or a readable one, else the status to refuse it with (400 or 413). */
    static int refusal(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return 0;
        }
        Matcher boundary = BOUNDARY.matcher(type);
        if (!boundary.find()) {
            LOG.info("Upload refused (400): {} {} without a valid multipart boundary", request.getMethod(),
                    request.getRequestURI());
            return HttpServletResponse.SC_BAD_REQUEST;
        }
        try {
            request.getParts();
            return 0;
        } catch (IllegalStateException | ServletException pageReadsItself) {
            // multipart is not enabled for the page (it streams the body itself, or takes no uploads)
            return 0;
        } catch (IOException | RuntimeException unreadable) {
            int status = statusFor(unreadable);
            if (status != 0) {
                LOG.info("Upload refused ({}): {} {}: {}", status, request.getMethod(), request.getRequestURI(),
                        rootMessage(unreadable));
            }
            return status;
        }
    }

    /**
     * Commons FileUpload's failures by class name (core does not link the whiteboard's private copy): too many parts
     * or a part header without end are 413; the body over the page's limit is the page's to explain; the rest 400.
     */
    static int statusFor(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getSimpleName();
            if (name.equals("FileCountLimitExceededException")
                    || String.valueOf(cause.getMessage()).startsWith("Header section has more than")) {
                return HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
            }
            if (name.equals("SizeLimitExceededException") || name.equals("FileSizeLimitExceededException")) {
                return 0;
            }
        }
        return HttpServletResponse.SC_BAD_REQUEST;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
