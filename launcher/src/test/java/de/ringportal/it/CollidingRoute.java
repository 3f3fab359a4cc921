package de.ringportal.it;

import java.io.IOException;
import java.util.Hashtable;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The activator of a test bundle that claims the site module's route /impressum with a higher service ranking, so
 * that the whiteboard would hand the route over to it (see {@link TestBundles#routeCollision}).
 */
public class CollidingRoute implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.servlet.pattern", "/impressum");
        properties.put("osgi.http.whiteboard.context.select", "(osgi.http.whiteboard.context.name=ringportal)");
        properties.put(Constants.SERVICE_RANKING, 1000);
        context.registerService(Servlet.class, new Page(), properties);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the servlet
    }

    /** Answers for the stolen route. */
    public static class Page extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.getWriter().write("gekapert");
        }
    }
}
