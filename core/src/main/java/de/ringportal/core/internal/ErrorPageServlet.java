package de.ringportal.core.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletErrorPage;

import de.ringportal.core.api.PortalContext;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The styled page for every 4xx and 5xx of the portal's context, in German, with the request id for 5xx. */
@Component(service = Servlet.class)
@HttpWhiteboardServletErrorPage(errorPage = { "4xx", "5xx" })
@HttpWhiteboardContextSelect(PortalContext.SELECT)
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Layout layout;

    @Activate
    public ErrorPageServlet(@Reference Layout layout) {
        this.layout = layout;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code
                : response.getStatus();
        ErrorText text = Boolean.TRUE.equals(request.getAttribute(PortalFilter.CSRF_FAILED)) ? ErrorText.CSRF
                : Boolean.TRUE.equals(request.getAttribute(DatabaseGate.WAITING)) ? ErrorText.DATABASE_STARTING
                : Boolean.TRUE.equals(request.getAttribute(DatabaseGate.LOST)) ? ErrorText.DATABASE_LOST
                : Boolean.TRUE.equals(request.getAttribute(PortalFilter.STORE_BUSY)) ? ErrorText.BUSY
                : ErrorText.of(status);
        Object id = request.getAttribute(PortalContext.REQUEST_ID);
        String content = layout.fragment("error",
                new Model(status, text.message(), status >= 500 && id != null ? id.toString() : null));
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        ViewsImpl.write(response, layout.page(request, response, text.title(), content));
    }

    /** What the error template renders. */
    public record Model(int status, String message, String requestId) {
    }
}
