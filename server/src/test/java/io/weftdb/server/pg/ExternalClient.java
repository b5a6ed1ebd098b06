package io.weftdb.server.pg;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A client program (psql, python3, node) run as a child process with a time limit. */
final class ExternalClient {
    private static final long TIME_LIMIT_SECONDS = 120;

    private ExternalClient() {
    }

    /** The outcome: exit code and everything the program wrote to stdout and stderr, interleaved. */
    record Run(int exitCode, String output) {}

    /** {@code name} found on PATH, or an absolute path that exists and is executable. */
    static Optional<Path> find(String name) {
        if (name.startsWith("/")) {
            Path path = Path.of(name);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String searchPath = System.getenv().getOrDefault("PATH", "");
        for (String directory : searchPath.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, name);
            if (!directory.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static Run run(List<String> command, Path workingDirectory, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile(workingDirectory, "client-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(TIME_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(command.getFirst() + " did not finish within " + TIME_LIMIT_SECONDS + " s:\n"
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
