package de.ringportal.it;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.time.Year;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.PortalContext;
import de.ringportal.core.api.RingMemberships;
import de.ringportal.core.api.Role;
import de.ringportal.it.Visitor.Page;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A ring's internal area as a module would guard it: a servlet at /testring/{ring}/... asks core's {@link Access}
 * whether the viewer may see that ring, with ring membership from a {@link RingMemberships} service registered here
 * (Landkreis Biberach, AGS 08426, is in ring 3 this year and was in ring 5 last year).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RingAccessIT extends AuthTestSupport {

    private static final String MEMBER = "ring-mitglied";
    private static final String EDITOR = "ring-redaktion";

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    /** The ring module's part and a guarded page, registered through the service registry like any module's. */
    @Before
    public void registerRingsAndPage() {
        int thisYear = Year.now().getValue();
        RingMemberships rings = (municipality, year) -> "08426".equals(municipality)
                ? year == thisYear ? Set.of("3") : year == thisYear - 1 ? Set.of("5") : Set.of()
                : Set.of();
        // ranked above the rings module's own service, which core would otherwise keep using
        registrations.add(context.registerService(RingMemberships.class, rings,
                new Hashtable<>(Map.of(Constants.SERVICE_RANKING, 100))));

        Access access = awaitService(Access.class, null);
        Dictionary<String, Object> properties = new Hashtable<>();
        // the whiteboard's property names (org.osgi.service.servlet.whiteboard), spelled out: that API package is
        // inside the Jetty bundle, which stays off the test class path
        properties.put("osgi.http.whiteboard.servlet.pattern", "/testring/*");
        properties.put("osgi.http.whiteboard.context.select", PortalContext.SELECT);
        registrations.add(context.registerService(Servlet.class, new RingPage(access), properties));

        createAccount(MEMBER, "Ring Mitglied", "08426", Role.RINGMITGLIED);
        createAccount(EDITOR, "Ring Redaktion", null, Role.REDAKTION);
        waitFor("the ring page is served", () -> get("/testring/3").status() != 404);
    }

    @After
    public void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    /** A member of 08426 sees ring 3, its files too, and gets 403 for ring 5, page or file. */
    @Test
    public void member_sees_own_ring_and_gets_403_for_another() {
        Visitor member = loggedIn(MEMBER);

        Page own = member.get("/testring/3");
        assertEquals(200, own.status());
        assertEquals("Ring 3 intern", own.body());
        assertEquals(200, member.get("/testring/3/bericht.pdf").status());

        for (String path : List.of("/testring/5", "/testring/5/bericht.pdf", "/testring/7/")) {
            Page other = member.get(path);
            assertEquals(path, 403, other.status());
            assertThat(path, other.body(), containsString("Fehler 403"));
            assertThat(path, other.body(), not(containsString("intern")));
        }
    }

    /**
     * Nobody logged in: sent to the login page (302, the servlet API's sendRedirect; the login form's own answer is a
     * 303), which then brings the person back to the page asked for.
     */
    @Test
    public void anonymous_is_sent_to_login_and_back() {
        Visitor visitor = visitor();
        for (String path : List.of("/testring/3", "/testring/5/bericht.pdf")) {
            Page refused = visitor.get(path);
            assertEquals(path, "/anmelden?ziel=" + path.replace("/", "%2F"), refused.header("Location"));
            assertEquals(path, 302, refused.status());
        }

        Page login = visitor.login(MEMBER, PASSWORD, "/testring/3");
        assertEquals(303, login.status());
        assertEquals("/testring/3", login.header("Location"));
        assertEquals("Ring 3 intern", visitor.get("/testring/3").body());
    }

    /** The Redaktion and the Administration see every ring (issue 4). */
    @Test
    public void redaktion_and_administration_see_every_ring() {
        Visitor editor = loggedIn(EDITOR);
        Visitor admin = loggedIn(ADMIN);

        for (String ring : List.of("3", "5")) {
            assertEquals(200, editor.get("/testring/" + ring).status());
            assertEquals(200, admin.get("/testring/" + ring).status());
        }
    }

    /** After logout the ring is closed again. */
    @Test
    public void logout_closes_the_ring_again() {
        Visitor member = loggedIn(MEMBER);
        assertEquals(200, member.get("/testring/3").status());

        member.logout();

        assertEquals(302, member.get("/testring/3").status());
    }

    private Visitor loggedIn(String userName) {
        Visitor visitor = visitor();
        assertEquals(userName, 303, visitor.login(userName, PASSWORD, "/").status());
        return visitor;
    }

    /** "Ring X intern" for those who may see ring X, the ring id being the first path segment after /testring/. */
    private static final class RingPage extends HttpServlet {

        private static final long serialVersionUID = 1L;

        private final transient Access access;

        RingPage(Access access) {
            this.access = access;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String path = request.getPathInfo() == null ? "" : request.getPathInfo();
            String ring = path.split("/").length > 1 ? path.split("/")[1] : "";
            if (access.require(request, response, access.maySeeRing(request, ring))) {
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().print("Ring " + ring + " intern");
            }
        }
    }
}
