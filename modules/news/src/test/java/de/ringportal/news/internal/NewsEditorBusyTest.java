package de.ringportal.news.internal;

import static org.junit.Assert.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.SQLTransactionRollbackException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.mockito.ArgumentCaptor;

import de.ringportal.content.api.RichText;
import de.ringportal.content.api.Versions;
import de.ringportal.core.api.Access;
import de.ringportal.core.api.Role;
import de.ringportal.core.api.StoreBusyException;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.api.Views;
import de.ringportal.core.forms.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A save the database keeps refusing as busy: the editor gets the form back as sent, with the German message. */
public class NewsEditorBusyTest {

    /** 503 with the form and its text, nothing saved, no version written, no redirect. */
    @Test
    public void busy_save_answers_the_form_again_with_a_german_message() throws Exception {
        NewsStore store = mock(NewsStore.class);
        when(store.create(any(), anyString(), anyString())).thenThrow(
                new StoreBusyException(new SQLTransactionRollbackException("A lock could not be obtained", "40XL1")));
        Access access = mock(Access.class);
        when(access.require(any(), any(), anyBoolean())).thenReturn(true);
        when(access.viewer(any())).thenReturn(new Viewer("redaktion", "Erika Redaktion", null, Set.of(Role.REDAKTION)));
        NewsAccess newsAccess = mock(NewsAccess.class);
        when(newsAccess.access()).thenReturn(access);
        when(newsAccess.mayWrite(any())).thenReturn(true);
        when(newsAccess.mayPublishTo(any(), any())).thenReturn(true);
        when(newsAccess.writableRings(any())).thenReturn(List.of());
        Views views = mock(Views.class);
        Versions versions = mock(Versions.class);
        NewsEditor editor = new NewsEditor(store, newsAccess, views, mock(RichText.class), versions,
                mock(ChangeEvents.class));

        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn("POST");
        when(request.getPathInfo()).thenReturn("/neu");
        Map<String, String> fields = Map.of("titel", "Ringtreffen in Kassel", "anreisser", "Kurz", "text", "Text",
                "datum", "2026-11-25T09:30", "status", "published", "aktion", "speichern");
        when(request.getParameter(anyString())).thenAnswer(call -> fields.get(call.getArgument(0, String.class)));
        HttpServletResponse response = mock(HttpServletResponse.class);
        AtomicInteger status = new AtomicInteger(200);
        doAnswer(call -> {
            status.set(call.getArgument(0));
            return null;
        }).when(response).setStatus(anyInt());
        when(response.getStatus()).thenAnswer(call -> status.get());

        editor.service(request, response);

        assertEquals(503, status.get());
        ArgumentCaptor<Object> model = ArgumentCaptor.forClass(Object.class);
        verify(views).render(eq(request), eq(response), eq("Neue Nachricht"), eq("edit"), model.capture());
        NewsEditor.EditPage shown = (NewsEditor.EditPage) model.getValue();
        assertEquals(List.of(StoreBusyException.MESSAGE),
                shown.summary().errors().stream().map(FieldError::message).toList());
        assertEquals("Ringtreffen in Kassel", shown.form().title());
        verify(versions, never()).save(any(), any(), any(), any(), any(), any());
        verify(response, never()).setHeader(eq("Location"), any());
    }
}
