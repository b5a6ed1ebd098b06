package io.weftdb.server.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The real {@code weftdb serve} in a child JVM with a small heap, serving HTTPS (with the
 * certificate it generates into its data directory) and requiring a bearer token; and an
 * HttpClient that trusts that certificate.
 */
final class ServedWeftDb implements AutoCloseable {
    static final String TOKEN = "s3cret-token";

    private final Process process;
    private final Path dataDirectory;
    private final int port;
    /** The PostgreSQL listener's port; 0 when it is off. */
    private final int pgPort;
    private final HttpClient client;
    private final List<String> output = new ArrayList<>();

    ServedWeftDb(Path dataDirectory, String maxHeap) throws Exception {
        this(dataDirectory, maxHeap, false);
    }

    /** With {@code withPostgres}, the PostgreSQL listener runs too, on a free port ({@link #pgPort()}). */
    ServedWeftDb(Path dataDirectory, String maxHeap, boolean withPostgres) throws Exception {
        this.dataDirectory = dataDirectory;
        this.port = freePort();
        this.pgPort = withPostgres ? freePort() : 0;
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx" + maxHeap,
                "-cp", System.getProperty("java.class.path"), "io.weftdb.server.Main", "serve",
                "--data", dataDirectory.toString(), "--pg", Integer.toString(pgPort), "--mysql", "0", "--http", Integer.toString(port),
                "--sync", "off")
                .redirectErrorStream(true);
        builder.environment().put("WEFTDB_TOKEN", TOKEN);
        process = builder.start();
        awaitReady(process.getInputStream());
        client = HttpClient.newBuilder().sslContext(trusting(dataDirectory.resolve("server-cert.pem")))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private void awaitReady(InputStream stream) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            output.add(line);
            if (line.startsWith("ready")) {
                Thread drain = new Thread(() -> drain(lines), "weftdb-child-output");
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new IllegalStateException("weftdb serve ended before it was ready: " + String.join("\n", output));
    }

    /** Reads the child's output so it never blocks on a full pipe; the pipe closes when the child ends. */
    private static void drain(BufferedReader lines) {
        try {
            while (lines.readLine() != null) {
                // Only ready mattered.
            }
        } catch (IOException ended) {
            // The child has gone.
        }
    }

    String url() {
        return "https://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    int pgPort() {
        return pgPort;
    }

    Path certificate() {
        return dataDirectory.resolve("server-cert.pem");
    }

    HttpClient client() {
        return client;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + TOKEN);
    }

    HttpResponse<String> sql(String sql) throws Exception {
        return client.send(request("/v1/sql").POST(HttpRequest.BodyPublishers.ofString(
                "{\"sql\": \"" + sql.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static SSLContext trusting(Path certificatePem) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream pem = Files.newInputStream(certificatePem)) {
            trusted.setCertificateEntry("weftdb", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** SIGTERM, as an operator stops the server; it shuts down cleanly. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
