package de.ringportal.e2e;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.xml.sax.SAXException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nu.validator.client.EmbeddedValidator;

/**
 * The Nu HTML Checker (the engine behind the W3C's HTML validator) run in this JVM: no network, no server. Its
 * messages are errors (the document is not valid HTML) or warnings (valid, but probably not meant so).
 */
public final class HtmlChecker {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddedValidator validator = new EmbeddedValidator();

    public HtmlChecker() {
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
    }

    /** One message of the checker, with the line it refers to and the markup around it. */
    public record Message(boolean error, int line, String text, String extract) {

        @Override
        public String toString() {
            return (error ? "error" : "warning") + " at line " + line + ": " + text + " [" + extract.strip() + "]";
        }
    }

    /** Checks a whole HTML document, as the server sent it. */
    public List<Message> check(String html) throws IOException, SAXException {
        String report = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        List<Message> messages = new ArrayList<>();
        for (JsonNode message : JSON.readTree(report).path("messages")) {
            String type = message.path("type").asText();
            // "info" with subType "warning" is a warning; plain "info" is no finding; the rest are errors.
            if (type.equals("info") && !message.path("subType").asText().equals("warning")) {
                continue;
            }
            messages.add(new Message(!type.equals("info"), message.path("lastLine").asInt(),
                    message.path("message").asText(), message.path("extract").asText()));
        }
        return messages;
    }
}
