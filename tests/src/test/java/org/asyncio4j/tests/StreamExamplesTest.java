package org.asyncio4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asyncio4j.examples.streams.EchoServerClient;
import org.asyncio4j.examples.streams.WebsiteStatus;
import org.junit.jupiter.api.Test;

/** Runs the streams examples and checks what they print. */
class StreamExamplesTest {

    private static List<String> output(Consumer<PrintStream> program) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            program.accept(out);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void theWebsiteStatusCheckerReportsEverySiteOfItsLocalHttpAndHttpsServers() {
        List<String> lines = output(WebsiteStatus::runTo);
        assertEquals(4, lines.size(), String.join("\n", lines));
        Pattern row = Pattern.compile("(https?)://localhost:(\\d+)(/\\S*) *:\\t(.*)");
        String[][] expected = {
            {"http", "/", "HTTP/1.1 200 OK"},
            {"http", "/missing", "HTTP/1.1 404 Not Found"},
            {"https", "/", "HTTP/1.1 200 OK"},
            {"https", "/old-page", "HTTP/1.1 301 Moved Permanently"},
        };
        for (int i = 0; i < expected.length; i++) {
            Matcher m = row.matcher(lines.get(i));
            assertTrue(m.matches(), lines.get(i));
            assertEquals(expected[i][0], m.group(1));
            assertEquals(expected[i][1], m.group(3));
            assertEquals(expected[i][2], m.group(4));
            String url = expected[i][0] + "://localhost:" + m.group(2) + expected[i][1];
            assertEquals(Math.max(30, url.length()), lines.get(i).indexOf(":\t"), "f'{url:30}' pads the URL to 30: " + lines.get(i));
        }
    }

    @Test
    void theSequentialWebsiteStatusCheckerReportsEverySiteInTurn() {
        List<String> lines = output(WebsiteStatus::runSequentiallyTo);
        Pattern row = Pattern.compile("(https?)://localhost:\\d+(/\\S*): (.*)");
        List<String> got = lines.stream().map(l -> {
            Matcher m = row.matcher(l);
            assertTrue(m.matches(), l);
            return m.group(1) + " " + m.group(2) + " " + m.group(3);
        }).toList();
        assertEquals(List.of("http / HTTP/1.1 200 OK", "http /missing HTTP/1.1 404 Not Found",
                "https / HTTP/1.1 200 OK", "https /old-page HTTP/1.1 301 Moved Permanently"), got);
    }

    @Test
    void theEchoExampleSendsAndReceivesItsMessage() {
        assertEquals(List.of(
                "server: serving on 127.0.0.1",
                "client: send 'Hello World!'",
                "server: received 'Hello World!'",
                "server: send 'Hello World!'",
                "server: close the connection",
                "client: received 'Hello World!'",
                "client: close the connection",
                "server: closed"), output(EchoServerClient::runTo));
    }
}
