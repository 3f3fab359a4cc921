package de.ringportal.it;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.promise.Promise;

import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.api.Role;
import de.ringportal.it.Visitor.Page;

/**
 * The text of an uploaded PDF is recognised in the background: until it is indexed, the report's page and its line in
 * the list say "Text wird erkannt" and the search finds the report by title only. The recognition is switched off
 * (as an administrator can, in the component runtime) so the test sees that state; when it starts again it queues
 * what is pending, and the search finds the PDF's words.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReportTextIT extends AuthTestSupport {

    static final String RECOGNITION = "de.ringportal.reports.internal.TextRecognition";
    private static final String EDITOR = "text-redaktion";
    private static final Pattern REPORT_PATH = Pattern.compile("/berichte/([0-9]+)");

    /** Uploaded while no text is recognised: marked, found by title only; found by its words once recognised. */
    @Test
    public void a_report_shows_text_wird_erkannt_until_its_text_is_indexed() throws Exception {
        awaitService(ModuleSchema.class, "(" + ModuleSchema.NAME + "=reports)");
        createAccount(EDITOR, "Text Redaktion", null, Role.REDAKTION);
        Visitor editor = loggedIn(EDITOR);
        ServiceComponentRuntime runtime = awaitService(ServiceComponentRuntime.class, null);
        ComponentDescriptionDTO recognition = runtime.getComponentDescriptionDTO(
                installedBundle("de.ringportal.reports"), RECOGNITION);

        String path;
        if (recognition != null) {
            await(runtime.disableComponent(recognition));
        }
        try {
            path = filed(editor, "Teilhabebericht Landkreis", Uploads.pdf("Teilhabechancengesetz"));

            Page page = editor.get(path);
            assertThat(page.body(), containsString("Text wird erkannt"));
            assertThat(section(editor.get("/berichte").body(), path + "\"", "</tr>"),
                    containsString("(Text wird erkannt)"));
            String reportPath = path;
            waitFor("the report is indexed by its title", () -> search(visitor(), "Teilhabebericht")
                    .contains(reportPath + "\""));
            assertThat(search(visitor(), "Teilhabechancengesetz"), not(containsString(path + "\"")));
        } finally {
            if (recognition != null) {
                await(runtime.enableComponent(recognition));
            }
        }

        String reportPath = path;
        waitFor("the search finds the words inside the PDF", () -> search(visitor(), "Teilhabechancengesetz")
                .contains(reportPath + "\""));
        assertThat(editor.get(path).body(), not(containsString("Text wird erkannt")));
        assertThat(section(editor.get("/berichte").body(), path + "\"", "</tr>"),
                not(containsString("Text wird erkannt")));
    }

    private static void await(Promise<Void> change) throws InterruptedException, InvocationTargetException {
        change.getValue();
    }

    private Visitor loggedIn(String userName) {
        Visitor visitor = visitor();
        assertEquals(userName, 303, visitor.login(userName, PASSWORD, "/").status());
        visitor.get("/berichte");
        return visitor;
    }

    private String filed(Visitor visitor, String title, byte[] pdf) {
        List<String> fields = List.of("titel", title, "jahr", "2025", "beschreibung", "Beschreibung von " + title,
                "zielgruppe", "oeffentlich");
        Page created = Uploads.post(visitor, Integer.parseInt(context.getProperty("org.osgi.service.http.port")),
                "/berichte/neu", fields, "teilhabe.pdf", pdf);
        assertEquals(created.body(), 303, created.status());
        Matcher path = REPORT_PATH.matcher(created.header("Location"));
        assertTrue(path.find());
        return path.group();
    }
}
