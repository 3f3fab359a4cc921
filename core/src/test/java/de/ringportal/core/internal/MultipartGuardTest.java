package de.ringportal.core.internal;

import static org.junit.Assert.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;

import org.junit.Test;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/** What the upload check makes of a request before any page reads it. */
public class MultipartGuardTest {

    /** An upload without a usable boundary is a 400, and nothing reads its body. */
    @Test
    public void missing_or_invalid_boundary_is_400_without_reading_the_body() throws Exception {
        for (String type : new String[] { "multipart/form-data", "multipart/form-data; boundary=",
                "multipart/form-data; boundary=\"\"", "multipart/form-data; boundary=" + "b".repeat(71),
                "multipart/form-data; charset=utf-8", "multipart/form-data; boundary=a<b" }) {
            HttpServletRequest request = request(type);

            assertEquals(type, 400, MultipartGuard.refusal(request));
            verify(request, never()).getParts();
        }
    }

    /** Boundaries as browsers and RFC 2046 write them pass on to the parser. */
    @Test
    public void valid_boundaries_are_parsed() throws Exception {
        for (String type : new String[] { "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW",
                "multipart/form-data; boundary=\"with space and : colon\"", "Multipart/Form-Data; BOUNDARY=x",
                "multipart/form-data; boundary=" + "b".repeat(70) + "; charset=utf-8" }) {
            HttpServletRequest request = request(type);

            assertEquals(type, 0, MultipartGuard.refusal(request));
            verify(request).getParts();
        }
    }

    /** Forms that are no uploads are not touched. */
    @Test
    public void other_bodies_pass_untouched() throws Exception {
        for (String type : new String[] { null, "application/x-www-form-urlencoded", "text/plain" }) {
            HttpServletRequest request = request(type);

            assertEquals(0, MultipartGuard.refusal(request));
            verify(request, never()).getParts();
        }
    }

    /** A page that streams its uploads itself (multipart not enabled for it) is left to do so. */
    @Test
    public void page_without_multipart_config_reads_the_body_itself() throws Exception {
        HttpServletRequest request = request("multipart/form-data; boundary=x");
        when(request.getParts()).thenThrow(new IllegalStateException("Multipart not enabled for servlet."));

        assertEquals(0, MultipartGuard.refusal(request));
    }

    /** Too many parts and endless part headers are 413; a body over the page's limit is the page's to explain. */
    @Test
    public void parser_failures_map_to_413_400_or_the_page() throws Exception {
        assertEquals(413, statusOf(new FileCountLimitExceededException()));
        assertEquals(413, statusOf(new SizeLimitExceededException("Header section has more than 512 bytes")));
        assertEquals(0, statusOf(new SizeLimitExceededException("the request was rejected because its size")));
        assertEquals(0, statusOf(new FileSizeLimitExceededException()));
        assertEquals(400, statusOf(new IOException("Stream ended unexpectedly")));
    }

    private static int statusOf(Exception cause) throws Exception {
        HttpServletRequest request = request("multipart/form-data; boundary=x");
        when(request.getParts()).thenThrow(new IOException("Error parsing multipart request", cause));
        return MultipartGuard.refusal(request);
    }

    private static HttpServletRequest request(String contentType) throws IOException, ServletException {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn("POST");
        when(request.getRequestURI()).thenReturn("/hochladen");
        when(request.getContentType()).thenReturn(contentType);
        return request;
    }

    /** Stand-ins named as Commons FileUpload's, which core sees only by name. */
    private static final class FileCountLimitExceededException extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private static final class SizeLimitExceededException extends Exception {
        private static final long serialVersionUID = 1L;

        SizeLimitExceededException(String message) {
            super(message);
        }
    }

    private static final class FileSizeLimitExceededException extends Exception {
        private static final long serialVersionUID = 1L;
    }
}
