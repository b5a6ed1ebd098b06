package io.weftdb.server;

import io.weftdb.engine.storage.StorageException;
import io.weftdb.storage.rocksdb.RocksStorage;
import io.weftdb.storage.rocksdb.RocksStorageOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weftdb restore --from BACKUP --data DIR}: turns a backup written by
 * {@code POST /v1/admin/backup} into a data directory that {@code weftdb serve --data DIR} opens.
 * The backup is copied (it stays usable for another restore) into a scratch directory beside the
 * target, checked by opening it, and only then moved into place, so an interrupted restore never
 * leaves a half-copied data directory behind.
 */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Restores a backup made with POST /v1/admin/backup into a new data directory.",
            "The data directory must not exist or be empty: a restore never overwrites data."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:restored",
            "1:copying failed (disk full, permissions), or the copy does not open as a database",
            "2:bad option, the backup directory is not a backup, or the data directory is not empty"
        })
final class RestoreCommand implements Callable<Integer> {
    /** The file every RocksDB database (and so every backup) has at its top. */
    private static final String DATABASE_MARKER = "CURRENT";

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "BACKUP", required = true,
            description = "The backup directory (the \"directory\" given to POST /v1/admin/backup).")
    Path backup;

    @Option(names = "--data", paramLabel = "DIR", required = true,
            description = "The data directory to create; it must not exist or be empty.")
    Path data;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path source = backup.toAbsolutePath().normalize();
        Path target = data.toAbsolutePath().normalize();
        if (!Files.isRegularFile(source.resolve(DATABASE_MARKER))) {
            err.println("weftdb restore: " + source + " is not a WeftDB backup (it has no " + DATABASE_MARKER + " file)");
            return ExitCodes.CANNOT_START;
        }
        if (target.startsWith(source) || source.startsWith(target)) {
            err.println("weftdb restore: the data directory " + target + " and the backup " + source + " must not contain each other");
            return ExitCodes.CANNOT_START;
        }
        if (!isMissingOrEmpty(target)) {
            err.println("weftdb restore: data directory " + target + " is not empty; restore only into a new or empty directory");
            return ExitCodes.CANNOT_START;
        }
        Path scratch = target.resolveSibling(target.getFileName() + ".restoring");
        try {
            Files.createDirectories(target.getParent());
            deleteTree(scratch);
            long[] copied = copyTree(source, scratch);
            try (RocksStorage opened = RocksStorage.open(scratch, RocksStorageOptions.defaults())) {
                opened.flush();
            }
            Files.deleteIfExists(target);
            Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
            out.println("restored " + copied[0] + " files (" + copied[1] + " bytes) from " + source + " into " + target);
            out.println("start the server with: weftdb serve --data " + target);
            return ExitCodes.OK;
        } catch (DirectoryNotEmptyException e) {
            // Something wrote into the target while the backup was copied.
            err.println("weftdb restore: data directory " + target + " is not empty any more; nothing was restored");
            cleanUp(scratch, err);
            return ExitCodes.CANNOT_START;
        } catch (IOException | UncheckedIOException | StorageException e) {
            err.println("weftdb restore: restoring " + source + " into " + target + " failed: " + e.getMessage());
            cleanUp(scratch, err);
            return ExitCodes.FAILURE;
        }
    }

    private static boolean isMissingOrEmpty(Path directory) {
        if (!Files.exists(directory)) {
            return true;
        }
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Copies every file under {@code from} to the same place under {@code to}; returns files and bytes copied. */
    private static long[] copyTree(Path from, Path to) throws IOException {
        long[] copied = new long[2];
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(from)) {
            paths = walk.toList();
        }
        for (Path path : paths) {
            Path destination = to.resolve(from.relativize(path).toString());
            if (Files.isDirectory(path)) {
                Files.createDirectories(destination);
            } else {
                Files.copy(path, destination, StandardCopyOption.COPY_ATTRIBUTES);
                copied[0]++;
                copied[1] += Files.size(destination);
            }
        }
        return copied;
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(directory)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }

    private static void cleanUp(Path scratch, PrintWriter err) {
        try {
            deleteTree(scratch);
        } catch (IOException e) {
            err.println("weftdb restore: could not remove " + scratch + ": " + e.getMessage());
        }
    }
}
