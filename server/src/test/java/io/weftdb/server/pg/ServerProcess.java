package io.weftdb.server.pg;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code weftdb serve} in a child JVM, as users run it: real command line, real environment
 * (WEFTDB_TOKEN), real port. Stopped with SIGTERM.
 */
final class ServerProcess implements AutoCloseable {
    private static final long START_SECONDS = 60;

    private final Process process;
    private final int port;
    private final Path dataDirectory;
    private final StringBuilder output = new StringBuilder();

    private ServerProcess(Process process, int port, Path dataDirectory) {
        this.process = process;
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts a server on a free port serving PostgreSQL only, and waits until it is ready.
     *
     * @param token the WEFTDB_TOKEN to run with, or null for none
     */
    static ServerProcess start(Path dataDirectory, String token, String... options) throws IOException, InterruptedException {
        int port = freePort();
        ServerProcess server = launch(dataDirectory, token, port, options);
        if (!server.awaitReady()) {
            server.close();
            throw new IllegalStateException("the server did not start:\n" + server.output());
        }
        return server;
    }

    /** Runs {@code weftdb serve} expecting it to fail at start; returns its exit code and output. */
    static Result failToStart(Path dataDirectory, String token, String... options) throws IOException, InterruptedException {
        ServerProcess server = launch(dataDirectory, token, freePort(), options);
        if (server.awaitReady()) {
            server.close();
            throw new IllegalStateException("the server started although it should not have:\n" + server.output());
        }
        if (!server.process.waitFor(START_SECONDS, TimeUnit.SECONDS)) {
            server.close();
            throw new IllegalStateException("the server neither started nor stopped");
        }
        return new Result(server.process.exitValue(), server.output());
    }

    record Result(int exitCode, String output) {}

    private static ServerProcess launch(Path dataDirectory, String token, int port, String... options) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "io.weftdb.server.Main", "serve", "--data", dataDirectory.toString(),
                "--pg", Integer.toString(port), "--mysql", "0", "--http", "0", "--sync", "off"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.remove("WEFTDB_TOKEN");
        if (token != null) {
            environment.put("WEFTDB_TOKEN", token);
        }
        return new ServerProcess(builder.start(), port, dataDirectory);
    }

    /** Reads the output until the "ready" line (true) or the end of the output (false). */
    private boolean awaitReady() throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
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

    int port() {
        return port;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /** The self-signed certificate the server generated into its data directory. */
    Path generatedCertificate() {
        return dataDirectory.resolve("server-cert.pem");
    }

    String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
