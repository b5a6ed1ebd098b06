package io.weftdb.mysql.wire;

import io.weftdb.engine.Engine;
import io.weftdb.engine.EngineOptions;
import io.weftdb.storage.rocksdb.RocksStorage;
import io.weftdb.storage.rocksdb.RocksStorageOptions;
import java.nio.file.Path;

/** A real engine on RocksDB in a temporary directory, for tests that talk to it over the wire. */
final class EngineFixture implements AutoCloseable {
    private final RocksStorage storage;
    private final Engine engine;

    EngineFixture(Path directory) {
        storage = RocksStorage.open(directory, RocksStorageOptions.defaults());
        engine = Engine.open(storage, EngineOptions.defaults().withSyncCommits(false));
    }

    Engine engine() {
        return engine;
    }

    @Override
    public void close() {
        engine.close();
        storage.close();
    }
}
