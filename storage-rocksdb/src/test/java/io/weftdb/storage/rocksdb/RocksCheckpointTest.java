package io.weftdb.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.storage.ReadView;
import io.weftdb.engine.storage.StorageException;
import io.weftdb.engine.storage.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint is a copy of the live store, as of one instant, that opens as a store of its own. */
class RocksCheckpointTest {
    private static final RocksStorageOptions SMALL = new RocksStorageOptions(8L << 20, 4L << 20, 2);

    @TempDir
    Path directory;

    @Test
    void checkpointOpensAsAStoreHoldingWhatWasWrittenBeforeItAndNothingAfter() {
        Path backup = directory.resolve("backups/first");
        try (RocksStorage storage = RocksStorage.open(directory.resolve("data"), SMALL)) {
            storage.write(new WriteBatch().put(Keyspace.DATA, bytes("a"), bytes("1"))
                    .put(Keyspace.CATALOG, bytes("t"), bytes("table")), false);
            storage.checkpoint(backup);
            storage.write(new WriteBatch().put(Keyspace.DATA, bytes("b"), bytes("2")), false);
        }

        try (RocksStorage restored = RocksStorage.open(backup, SMALL); ReadView view = restored.snapshot()) {
            assertThat(view.get(Keyspace.DATA, bytes("a"))).isEqualTo(bytes("1"));
            assertThat(view.get(Keyspace.CATALOG, bytes("t"))).isEqualTo(bytes("table"));
            assertThat(view.get(Keyspace.DATA, bytes("b"))).isNull();
        }
    }

    @Test
    void checkpointIntoAnExistingDirectoryFailsAsUnusable() throws Exception {
        Path existing = Files.createDirectories(directory.resolve("taken"));
        try (RocksStorage storage = RocksStorage.open(directory.resolve("data"), SMALL)) {
            assertThatThrownBy(() -> storage.checkpoint(existing))
                    .isInstanceOfSatisfying(StorageException.class,
                            failure -> assertThat(failure.reason()).isEqualTo(StorageException.Reason.UNUSABLE))
                    .hasMessage("backup directory " + existing + " already exists");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
