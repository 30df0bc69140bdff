package tempered.hub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Hugging Face hub on loopback, as the real one answers: large files redirect to a "CDN" on another host
 * name (localhost instead of 127.0.0.1) and are named by sha256, small ones by their git sha-1. It can cut
 * transfers, ignore Range, corrupt bodies, stall or fail, to reproduce what workshop networks do.
 */
public final class FakeHub implements AutoCloseable {
    public static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    public record Request(String method, String path, String range, String authorization) {}

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    public final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Cut the next this-many transfers of large (LFS) files after half their bytes. */
    final AtomicInteger cuts = new AtomicInteger();

    volatile boolean ignoreRange;
    volatile boolean corrupt;
    volatile int status = 200;
    /** Serve large files directly, named by an opaque ETag instead of their sha256, as a plain mirror might. */
    volatile boolean withoutSha256;

    public volatile long stallMillis;
    /** Headers that replace the hub's own in its answers about files ("" removes one), as a broken mirror sends. */
    final Map<String, String> headers = new ConcurrentHashMap<>();
    /** Zero bytes sent after each small file's body, without a length, as a server that never stops would. */
    volatile long padding;
    /** Answer HEAD without a size (no X-Linked-Size, no Content-Length). */
    volatile boolean headWithoutSize;
    /** Answer the next this-many Range requests from the wrong byte, as a broken proxy does. */
    final AtomicInteger wrongRanges = new AtomicInteger();

    public FakeHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Adds a file of the repository; names ending in .onnx or .onnx_data are served as LFS files. */
    public FakeHub file(String repo, String path, byte[] bytes) {
        files.put(repo + "/" + path, bytes);
        return this;
    }

    public static String sha256(byte[] bytes) {
        return hex("SHA-256", null, bytes);
    }

    static String gitSha1(byte[] bytes) {
        return hex("SHA-1", ("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII), bytes);
    }

    private static String hex(String algorithm, byte[] prefix, byte[] bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            if (prefix != null) {
                digest.update(prefix);
            }
            return HexFormat.of().formatHex(digest.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    long gets() {
        return requests.stream().filter(r -> r.method.equals("GET")).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(
                exchange.getRequestMethod(),
                path,
                exchange.getRequestHeaders().getFirst("Range"),
                exchange.getRequestHeaders().getFirst("Authorization")));
        try (exchange) {
            if (status != 200) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            if (path.startsWith("/cdn/")) {
                String sha = path.substring(5);
                byte[] body = files.values().stream()
                        .filter(b -> sha256(b).equals(sha))
                        .findFirst()
                        .orElse(null);
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    sendBody(exchange, body, true);
                }
                return;
            }
            // /ORG/NAME/resolve/REV/PATH
            String[] parts = path.substring(1).split("/", 5);
            byte[] body = parts.length == 5 && parts[2].equals("resolve")
                    ? files.get(parts[0] + "/" + parts[1] + "/" + parts[4])
                    : null;
            if (body == null) {
                exchange.getResponseHeaders().add("X-Error-Code", "EntryNotFound");
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().add("X-Repo-Commit", COMMIT);
            // Models and their external weights are LFS files on the hub, named by sha256.
            boolean lfs = parts[4].endsWith(".onnx") || parts[4].endsWith(".onnx_data");
            if (lfs && !withoutSha256) {
                exchange.getResponseHeaders().add("X-Linked-Etag", "\"" + sha256(body) + "\"");
                if (!headWithoutSize) {
                    exchange.getResponseHeaders().add("X-Linked-Size", Long.toString(body.length));
                }
                exchange.getResponseHeaders()
                        .add(
                                "Location",
                                "http://localhost:" + server.getAddress().getPort() + "/cdn/" + sha256(body));
                override(exchange);
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            exchange.getResponseHeaders().add("ETag", "\"" + (lfs ? "mirror-" + body.length : gitSha1(body)) + "\"");
            if (exchange.getRequestMethod().equals("HEAD")) {
                if (!headWithoutSize) {
                    exchange.getResponseHeaders().add("Content-Length", Long.toString(body.length));
                }
                override(exchange);
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            if (!lfs && padding > 0) {
                sendPadded(exchange, body);
                return;
            }
            sendBody(exchange, body, lfs);
        }
    }

    private void override(HttpExchange exchange) {
        headers.forEach((name, value) -> {
            exchange.getResponseHeaders().remove(name);
            if (!value.isEmpty()) {
                exchange.getResponseHeaders().add(name, value);
            }
        });
    }

    /** The body, then {@link #padding} zero bytes, chunked: nothing tells the client where it should end. */
    private void sendPadded(HttpExchange exchange, byte[] body) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write(body);
        byte[] zeros = new byte[1 << 16];
        try {
            for (long sent = 0; sent < padding; sent += zeros.length) {
                out.write(zeros, 0, (int) Math.min(zeros.length, padding - sent));
            }
        } catch (IOException e) {
            // The client stopped reading and closed the connection: what a careful client does.
        }
    }

    private void sendBody(HttpExchange exchange, byte[] full, boolean large) throws IOException {
        byte[] body = full.clone();
        if (corrupt && large) {
            body[body.length / 2] ^= 1;
        }
        String range = exchange.getRequestHeaders().getFirst("Range");
        int from = 0;
        if (range != null && !ignoreRange) {
            from = Integer.parseInt(range.replaceAll("bytes=(\\d+)-.*", "$1"));
            if (wrongRanges.getAndUpdate(c -> Math.max(0, c - 1)) > 0) {
                from = from / 2;
            }
            exchange.getResponseHeaders()
                    .add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
            exchange.sendResponseHeaders(206, body.length - from);
        } else {
            exchange.sendResponseHeaders(200, body.length);
        }
        OutputStream out = exchange.getResponseBody();
        int length = body.length - from;
        boolean cut = large && cuts.getAndUpdate(c -> Math.max(0, c - 1)) > 0;
        int send = cut ? length / 2 : length;
        for (int offset = 0; offset < send; offset += 4096) {
            out.write(body, from + offset, Math.min(4096, send - offset));
            out.flush();
            if (stallMillis > 0) {
                sleep(stallMillis);
            }
        }
        if (cut) {
            // The server drops a connection whose handler fails mid-body: a cut network, as the client sees it.
            throw new IOException("connection cut by the test after " + send + " bytes");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
