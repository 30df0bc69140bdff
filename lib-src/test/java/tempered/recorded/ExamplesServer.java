package tempered.recorded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A folder of example files served over HTTP on loopback under {@code /examples/}, as GitHub's raw file server
 * serves the Transformer Explainer's; it can alter a byte of every body, as a broken mirror or proxy would.
 */
final class ExamplesServer implements AutoCloseable {
    private final Path folder;
    private final HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    volatile boolean tamper;
    /** Send zeros after each body, without a length, forever (until the client hangs up). */
    volatile boolean endless;

    ExamplesServer(Path folder) throws IOException {
        this.folder = folder;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/examples/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        try (exchange) {
            Path file = folder.resolve(path.substring(path.lastIndexOf('/') + 1));
            if (!path.startsWith("/examples/") || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            if (tamper) {
                body[body.length / 2] ^= 1;
            }
            exchange.sendResponseHeaders(200, endless ? 0 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
                byte[] zeros = new byte[1 << 16];
                while (endless) {
                    out.write(zeros);
                }
            } catch (IOException e) {
                if (!endless) {
                    throw e;
                }
                // The client hung up, as it should.
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
