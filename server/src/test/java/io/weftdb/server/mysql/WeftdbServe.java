package io.weftdb.server.mysql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code weftdb serve} in a child JVM with both the PostgreSQL and the MySQL listener on free
 * ports, as users run it (WEFTDB_TOKEN from the environment, the default self-signed certificate).
 */
final class WeftdbServe implements AutoCloseable {
    private static final long START_SECONDS = 60;

    private final Process process;
    private final int pgPort;
    private final int mysqlPort;
    private final StringBuilder output = new StringBuilder();

    private WeftdbServe(Process process, int pgPort, int mysqlPort) {
        this.process = process;
        this.pgPort = pgPort;
        this.mysqlPort = mysqlPort;
    }

    /** @param token the WEFTDB_TOKEN, or null to run without one (every login accepted) */
    static WeftdbServe start(Path dataDirectory, String token) throws IOException {
        int pgPort = freePort();
        int mysqlPort = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "io.weftdb.server.Main", "serve", "--data", dataDirectory.toString(),
                "--pg", Integer.toString(pgPort), "--mysql", Integer.toString(mysqlPort), "--http", "0", "--sync", "off"))
                .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.remove("WEFTDB_TOKEN");
        if (token != null) {
            environment.put("WEFTDB_TOKEN", token);
        }
        WeftdbServe server = new WeftdbServe(builder.start(), pgPort, mysqlPort);
        if (!server.awaitReady()) {
            server.close();
            throw new IllegalStateException("the server did not start:\n" + server.output());
        }
        return server;
    }

    private boolean awaitReady() throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        String line;
        while (System.nanoTime() < deadline && (line = lines.readLine()) != null) {
            synchronized (output) {
                output.append(line).append('\n');
            }
            if (line.startsWith("ready")) {
                Thread drain = new Thread(() -> drain(lines), "weftdb-serve-output");
                drain.setDaemon(true);
                drain.start();
                return true;
            }
        }
        return false;
    }

    private void drain(BufferedReader lines) {
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (output) {
                    output.append(line).append('\n');
                }
            }
        } catch (IOException closed) {
            // The process has gone.
        }
    }

    int pgPort() {
        return pgPort;
    }

    int mysqlPort() {
        return mysqlPort;
    }

    String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
