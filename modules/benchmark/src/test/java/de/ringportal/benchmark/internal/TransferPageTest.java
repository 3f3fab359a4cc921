package de.ringportal.benchmark.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.ArgumentCaptor;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.Role;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.api.Views;
import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

/**
 * The exports as the servlet sends them. The portal's filter logs every exception a servlet throws as an ERROR with
 * its stack trace, so "no ERROR in the log" for a download means: the servlet returns normally (issue 17, point 6).
 */
@RunWith(BothDatabases.class)
public class TransferPageTest {

    private final KeyFigureStore store = new KeyFigureStore(TestDatabase.migrated(KeyFigureStore.class, "benchmark"));
    private final Access access = mock(Access.class);

    /** A normal CSV download: the whole file, the response stream closed once, and nothing thrown to be logged. */
    @Test
    public void csv_download_closes_its_writer_once_and_throws_nothing() throws Exception {
        store.save("08426", List.of(new KeyFigureStore.Change("SGB2Q", "2024", null, null, 5.5, null)), "anna", "t");
        ResponseStream stream = new ResponseStream(Long.MAX_VALUE);

        page().service(request("/export.csv"), response(stream));

        String body = stream.bytes.toString(StandardCharsets.UTF_8);
        assertTrue(body, body.startsWith("\uFEFFkommune;name;kennzahl;"));
        assertTrue(body, body.contains("08426;Landkreis Biberach;SGB2Q;2024;;;5,5;;Entwurf"));
        assertEquals("closed once", 1, stream.closes);
    }

    /** A normal XLSX download: a complete workbook, nothing thrown. */
    @Test
    public void xlsx_download_throws_nothing() throws Exception {
        ResponseStream stream = new ResponseStream(Long.MAX_VALUE);

        page().service(request("/export.xlsx"), response(stream));

        assertEquals("PK", new String(stream.bytes.toByteArray(), 0, 2, StandardCharsets.US_ASCII));
    }

    /** The client goes away mid-download (Jetty's EofException is an EOFException): debug only, nothing thrown. */
    @Test
    public void a_client_abort_is_not_a_failure() throws Exception {
        List<KeyFigureStore.Change> many = new java.util.ArrayList<>();
        for (Figure figure : store.figures()) {
            many.add(new KeyFigureStore.Change(figure.code(), figure.periodOf(2024), null, null, 1.0, "x".repeat(200)));
        }
        store.save("08426", many, "anna", "t");

        page().service(request("/export.csv"), response(new ResponseStream(100)));
        page().service(request("/export.xlsx"), response(new ResponseStream(100)));
    }

    /** A real failure (not the client's) still reaches the portal's filter, which logs it as today. */
    @Test
    public void a_real_failure_still_propagates() {
        ResponseStream failing = new ResponseStream(0) {
            @Override
            IOException failure() {
                return new IOException("No space left on device");
            }
        };
        assertThrows(IOException.class, () -> page().service(request("/export.csv"), response(failing)));
    }

    /** An XLSX bomb uploaded: 422 with the import form and the German reason, nothing written. */
    @Test
    public void an_xlsx_bomb_is_answered_422_with_the_form() throws Exception {
        byte[] bomb = XlsxImportTest.bomb(400_000);
        HttpServletRequest request = request("/");
        when(request.getMethod()).thenReturn("POST");
        Part part = mock(Part.class);
        when(part.getSize()).thenReturn((long) bomb.length);
        when(part.getSubmittedFileName()).thenReturn("bombe.xlsx");
        when(part.getInputStream()).thenReturn(new ByteArrayInputStream(bomb));
        when(request.getPart("datei")).thenReturn(part);
        HttpServletResponse response = mock(HttpServletResponse.class);
        Views views = mock(Views.class);
        EntrySettings settings = mock(EntrySettings.class);
        when(settings.jumpPercent()).thenReturn(30.0);

        new TransferPage(access, views, store, new Directory(), settings).service(request, response);

        verify(response).setStatus(422);
        ArgumentCaptor<Object> model = ArgumentCaptor.forClass(Object.class);
        verify(views).render(any(), any(), anyString(), anyString(), model.capture());
        TransferPage.Model shown = (TransferPage.Model) model.getValue();
        assertTrue(shown.problems().toString(), shown.problems().get(0).contains("ungewöhnlich stark komprimiert"));
        assertEquals(0, store.releaseStates(List.of("08426"), 2024).size());
    }

    private TransferPage page() {
        EntrySettings settings = mock(EntrySettings.class);
        when(settings.jumpPercent()).thenReturn(30.0);
        return new TransferPage(access, mock(Views.class), store, new Directory(), settings);
    }

    private HttpServletRequest request(String path) throws IOException {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getPathInfo()).thenReturn(path);
        when(request.getMethod()).thenReturn("GET");
        when(access.viewer(request)).thenReturn(new Viewer("red", "Red", null, Set.of(Role.REDAKTION)));
        when(access.require(any(), any(), anyBoolean())).thenAnswer(call -> call.getArgument(2));
        when(access.maySeeMunicipalityPeriod(any(), anyString(), anyInt())).thenReturn(true);
        return request;
    }

    private static HttpServletResponse response(ResponseStream stream) throws IOException {
        HttpServletResponse response = mock(HttpServletResponse.class);
        when(response.getOutputStream()).thenReturn(stream);
        return response;
    }

    /**
     * A servlet output stream like the container's: refuses writes after close, and after {@code limit} bytes fails
     * as a client that went away does.
     */
    static class ResponseStream extends ServletOutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final long limit;
        int closes;

        ResponseStream(long limit) {
            this.limit = limit;
        }

        IOException failure() {
            return new EOFException("Broken pipe");
        }

        @Override
        public void write(int b) throws IOException {
            if (closes > 0) {
                throw new IOException("Closed");
            }
            if (bytes.size() >= limit) {
                throw failure();
            }
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }

        @Override
        public void close() {
            closes++;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
        }
    }
}
