package org.asyncio4j.examples.streams;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.gather;
import static org.asyncio4j.Asyncio.openConnection;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.startServer;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.asyncio4j.Connection;
import org.asyncio4j.Coroutine;
import org.asyncio4j.Server;
import org.asyncio4j.StreamOptions;
import org.asyncio4j.StreamReader;
import org.asyncio4j.StreamWriter;
import org.asyncio4j.examples.tls.SelfSignedCertificate;

/**
 * The seed guide's "checking website status concurrently" (SuperFastPython, section 22.7), in Java: one
 * coroutine per URL opens a connection (TLS for https), sends a GET and reads the status line; all run
 * concurrently and the statuses are reported in order.
 *
 * <p>There is no internet here, so the program first starts its own HTTP and HTTPS servers on the loopback
 * interface (the HTTPS one with a self-signed certificate made in-process, which the client trusts instead of
 * the system's trust store).
 */
public final class WebsiteStatus {
    private WebsiteStatus() {
    }

    /**
     * {@code async def get_status(url)}: the status line of a GET of {@code url}.
     *
     * @param url an http or https URL
     * @param tls the TLS configuration for https
     * @return e.g. {@code HTTP/1.1 200 OK}
     */
    static String getStatus(String url, SSLContext tls) {
        URI u = URI.create(url);                                            // url_parsed = urlparse(url)
        Connection c = u.getScheme().equals("https")
                ? openConnection(u.getHost(), u.getPort(), tls)             // open_connection(host, 443, ssl=...)
                : openConnection(u.getHost(), u.getPort());                 // open_connection(host, 80)
        String query = "GET " + u.getPath() + " HTTP/1.1\r\nHost: " + u.getHost() + "\r\n\r\n";
        c.writer().write(query.getBytes(StandardCharsets.UTF_8));          // writer.write(query.encode())
        c.writer().drain();                                                 // await writer.drain()
        byte[] response = c.reader().readline();                            // await reader.readline()
        c.writer().close();                                                 // writer.close()
        return new String(response, StandardCharsets.UTF_8).strip();       // response.decode().strip()
    }

    /**
     * A tiny web server's connection handler: reads the request head, answers by path.
     *
     * @param reader the request
     * @param writer the response
     */
    static void serveHttp(StreamReader reader, StreamWriter writer) {
        String requestLine = new String(reader.readline(), StandardCharsets.UTF_8);
        while (reader.readline().length > 2) {
            // skip the headers, up to the empty line
        }
        String path = requestLine.split(" ")[1];
        String status = switch (path) {
            case "/" -> "200 OK";
            case "/old-page" -> "301 Moved Permanently";
            default -> "404 Not Found";
        };
        writer.write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        writer.drain();
        writer.close();
        writer.waitClosed();
    }

    /**
     * {@code async def main()}: starts the local servers, checks every site concurrently, prints the statuses.
     *
     * @param out where the report goes
     */
    public static void runTo(PrintStream out) {
        checkSites(out, (sites, tls) -> {
            List<Coroutine<String>> coros = new ArrayList<>();               // coros = [get_status(url) for url in sites]
            for (String url : sites) {
                coros.add(() -> getStatus(url, tls));
            }
            List<String> results = await(gather(coros));                    // results = await asyncio.gather(*coros)
            for (int i = 0; i < sites.size(); i++) {                        // for url, status in zip(sites, results)
                out.printf("%-30s:\t%s%n", sites.get(i), results.get(i));   //     print(f'{url:30}:\t{status}')
            }
        });
    }

    /**
     * The guide's first version (section 22.6, "check website status sequentially"): the same check, one site
     * after the other.
     *
     * @param out where the report goes
     */
    public static void runSequentiallyTo(PrintStream out) {
        checkSites(out, (sites, tls) -> {
            for (String url : sites) {                                      // for url in sites:
                String status = getStatus(url, tls);                        //     status = await get_status(url)
                out.println(url + ": " + status);                           //     print(f'{url}: {status}')
            }
        });
    }

    /** How a version of the program checks the sites, inside its main coroutine. */
    private interface Check {
        void sites(List<String> sites, SSLContext tls);
    }

    /** Starts the local HTTP and HTTPS servers and runs {@code check} over their pages. */
    private static void checkSites(PrintStream out, Check check) {
        SelfSignedCertificate cert = SelfSignedCertificate.generate("localhost", "127.0.0.1");
        run(() -> {
            try (Server http = startServer(WebsiteStatus::serveHttp, "127.0.0.1", 0);
                 Server https = startServer(WebsiteStatus::serveHttp, "127.0.0.1", 0,
                         StreamOptions.defaults().withSsl(cert.serverContext()))) {
                int p1 = ((InetSocketAddress) http.sockets().get(0)).getPort();
                int p2 = ((InetSocketAddress) https.sockets().get(0)).getPort();
                List<String> sites = List.of(
                        "http://localhost:" + p1 + "/",
                        "http://localhost:" + p1 + "/missing",
                        "https://localhost:" + p2 + "/",
                        "https://localhost:" + p2 + "/old-page");
                check.sites(sites, cert.clientContext());
                http.closeClients();
                https.closeClients();
            }
            return null;
        });
    }

    /** @param args {@code --sequential} for the guide's first, sequential version */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--sequential")) {
            runSequentiallyTo(System.out);
        } else {
            runTo(System.out);
        }
    }
}
