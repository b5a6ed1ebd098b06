package io.weftdb.storage.rocksdb;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A second process for {@link RocksStorageTest}: opens the storage in the directory given as its
 * argument, prints {@link #READY}, and holds the directory until its standard input closes. A lock
 * held by another process is reported differently by RocksDB than one held by this JVM.
 */
public final class RocksStorageLockHolder {
    static final String READY = "ready";

    private RocksStorageLockHolder() {
    }

    public static void main(String[] args) throws IOException {
        RocksStorage storage = RocksStorage.open(Path.of(args[0]), RocksStorageOptions.defaults());
        try {
            System.out.println(READY);
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the directory until the parent closes our input
            }
        } finally {
            storage.close();
        }
    }
}
