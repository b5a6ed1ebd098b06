package io.weftdb.server;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that open a data directory. */
final class DataOptions {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "./data",
            description = {"Data directory, created when missing.", "Default: ${DEFAULT-VALUE}"})
    Path directory;

    @Option(names = "--sync", paramLabel = "on|off", defaultValue = "on", arity = "1",
            converter = OnOffConverter.class, completionCandidates = OnOffConverter.class,
            description = {"on: a commit returns once its write-ahead log is on disk (fsync);",
                "off: faster commits that the last moments before a crash may lose (default: ${DEFAULT-VALUE})."})
    boolean syncCommits;
}
