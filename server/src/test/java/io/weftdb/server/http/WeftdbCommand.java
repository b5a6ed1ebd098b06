package io.weftdb.server.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code weftdb} command (not serve) in a child JVM and captures what it prints. */
final class WeftdbCommand {
    /** The exit code and what the command printed on each stream. */
    record Result(int exitCode, String out, String err) {
    }

    private WeftdbCommand() {
    }

    static Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "io.weftdb.server.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        // Outputs are short: reading one stream after the other cannot fill the other's pipe.
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("weftdb " + String.join(" ", args) + " did not end");
        }
        return new Result(process.exitValue(), out, err);
    }
}
