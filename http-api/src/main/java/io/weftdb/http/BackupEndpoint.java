package io.weftdb.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.server.HttpServerExchange;
import io.weftdb.engine.storage.Storage;
import io.weftdb.engine.storage.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * {@code POST /v1/admin/backup {"directory": "/abs/path"}}: writes a consistent copy of the live
 * database into a new directory on the server's file system while clients go on reading and
 * writing; {@code weftdb restore --from} turns it back into a data directory.
 */
final class BackupEndpoint {
    private final Storage storage;
    private final long maxRequestBytes;

    BackupEndpoint(Storage storage, long maxRequestBytes) {
        this.storage = storage;
        this.maxRequestBytes = maxRequestBytes;
    }

    void backup(HttpServerExchange exchange) {
        long started = System.nanoTime();
        Path directory = directory(Exchanges.readBody(exchange, maxRequestBytes));
        try {
            storage.checkpoint(directory);
        } catch (StorageException e) {
            throw switch (e.reason()) {
                // 58P02 duplicate_file: the directory is there already, and a backup never overwrites.
                case UNUSABLE -> Files.exists(directory) ? new ApiError(409, "58P02", e.getMessage())
                        : new ApiError(400, "58030", e.getMessage());
                case IO, LOCKED -> new ApiError(500, "58030", e.getMessage());
            };
        }
        long[] size = size(directory);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        Exchanges.sendJson(exchange, 201, json -> {
            json.writeStartObject();
            json.writeStringField("directory", directory.toString());
            json.writeNumberField("files", size[0]);
            json.writeNumberField("bytes", size[1]);
            json.writeNumberField("elapsedMs", elapsedMillis);
            json.writeEndObject();
        });
    }

    /** The body's directory: an absolute path, as a relative one would depend on where the server was started. */
    private static Path directory(byte[] body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw ApiError.badRequest("request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode directory = root != null && root.isObject() ? root.get("directory") : null;
        if (directory == null || !directory.isTextual() || root.size() != 1 || directory.textValue().isEmpty()) {
            throw ApiError.badRequest("a backup request body is {\"directory\": \"/absolute/path\"}");
        }
        Path path;
        try {
            path = Path.of(directory.textValue());
        } catch (InvalidPathException e) {
            throw ApiError.badRequest("\"" + directory.textValue() + "\" is not a valid path: " + e.getReason());
        }
        if (!path.isAbsolute()) {
            throw ApiError.badRequest("the backup directory must be an absolute path on the server, not \""
                    + directory.textValue() + "\"");
        }
        return path.normalize();
    }

    /** Files and bytes of the backup, so the caller sees what was written. */
    private static long[] size(Path directory) {
        long[] total = new long[2];
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                total[0]++;
                total[1] += Files.size(file);
            }
        } catch (IOException e) {
            throw new ApiError(500, "58030", "the backup in " + directory + " was written but cannot be read back: " + e);
        }
        return total;
    }
}
