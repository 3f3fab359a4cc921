package de.ringportal.core.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;

import de.ringportal.core.api.Route;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.GenericServlet;
import jakarta.servlet.http.HttpServletResponse;

/** The default servlet of the portal's context: every path no module serves is a 404 with the styled error page. */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/")
public class NotFoundServlet extends GenericServlet {

    private static final long serialVersionUID = 1L;

    @Override
    public void service(ServletRequest request, ServletResponse response) throws IOException {
        ((HttpServletResponse) response).sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
