package io.weftdb.server.mysql;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A client program (mariadb, mariadb-dump, python3, node) run as a child process with a time limit. */
final class ClientProgram {
    private static final long TIME_LIMIT_SECONDS = 120;

    private ClientProgram() {
    }

    /**
     * The outcome: exit code, standard output (as text, malformed UTF-8 replaced) and the file holding
     * its exact bytes, and standard error.
     */
    record Run(int exitCode, String output, Path outputFile, String errors) {
        /** Both streams, for assertion messages. */
        String all() {
            return output + errors;
        }
    }

    /** {@code name} found on PATH, or an absolute path that exists and is executable. */
    static Optional<Path> find(String name) {
        if (name.startsWith("/")) {
            Path path = Path.of(name);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, name);
            if (!directory.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs {@code command} in {@code directory}; {@code input} (or nothing, when null) is its standard input. */
    static Run run(List<String> command, Path directory, Path input) throws IOException, InterruptedException {
        Path output = Files.createTempFile(directory, "client-", ".out");
        Path errors = Files.createTempFile(directory, "client-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(output.toFile()).redirectError(errors.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(input != null ? input.toFile() : new File("/dev/null")));
        builder.environment().remove("MYSQL_PWD");
        Process process = builder.start();
        if (!process.waitFor(TIME_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(command.getFirst() + " did not finish within " + TIME_LIMIT_SECONDS + " s:\n"
                    + new String(Files.readAllBytes(output), StandardCharsets.UTF_8)
                    + new String(Files.readAllBytes(errors), StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), new String(Files.readAllBytes(output), StandardCharsets.UTF_8), output,
                new String(Files.readAllBytes(errors), StandardCharsets.UTF_8));
    }
}
