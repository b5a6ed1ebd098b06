package io.weftdb.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.storage.Storage;
import io.weftdb.engine.storage.StorageException;
import io.weftdb.engine.storage.WriteBatch;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/** The storage contract on RocksDB, plus what only RocksDB does: locking, column families, sizes. */
class RocksStorageTest extends StorageContractTest {
    private static final RocksStorageOptions SMALL = new RocksStorageOptions(8L << 20, 4L << 20, 2);

    @Override
    protected Storage newStorage(Path dir) {
        return RocksStorage.open(dir, SMALL);
    }

    @Test
    void openingADirectoryAlreadyOpenInThisProcessFailsAsLocked() {
        assertThatThrownBy(() -> RocksStorage.open(directory, SMALL))
                .isInstanceOfSatisfying(StorageException.class,
                        failure -> assertThat(failure.reason()).isEqualTo(StorageException.Reason.LOCKED))
                .hasMessage("data directory " + directory + " is in use by another WeftDB process");
    }

    @Test
    void openingADirectoryHeldByAnotherProcessFailsAsLocked() throws Exception {
        storage.close();
        storage = null;
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                RocksStorageLockHolder.class.getName(), directory.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(output.readLine()).isEqualTo(RocksStorageLockHolder.READY);

            assertThatThrownBy(() -> RocksStorage.open(directory, SMALL))
                    .isInstanceOfSatisfying(StorageException.class,
                            failure -> assertThat(failure.reason()).isEqualTo(StorageException.Reason.LOCKED))
                    .hasMessageContaining("is in use by another WeftDB process");
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        storage = RocksStorage.open(directory, SMALL);
    }

    @Test
    void openingARegularFileFailsAsUnusable() throws Exception {
        Path file = Files.writeString(directory.resolve("not-a-directory"), "x");

        assertThatThrownBy(() -> RocksStorage.open(file, SMALL))
                .isInstanceOfSatisfying(StorageException.class,
                        failure -> assertThat(failure.reason()).isEqualTo(StorageException.Reason.UNUSABLE))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a directory");
    }

    @Test
    void openingDamagedDataFailsAsUnusable() throws Exception {
        storage.close();
        storage = null;
        try (var files = Files.list(directory)) {
            for (Path file : files.filter(path -> path.getFileName().toString().startsWith("MANIFEST")).toList()) {
                Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
            }
        }

        assertThatThrownBy(() -> RocksStorage.open(directory, SMALL))
                .isInstanceOfSatisfying(StorageException.class,
                        failure -> assertThat(failure.reason()).isEqualTo(StorageException.Reason.UNUSABLE))
                .hasMessageContaining("cannot be opened");
    }

    @Test
    void missingDirectoriesAreCreated() {
        Path nested = directory.resolve("a").resolve("b");

        try (RocksStorage created = RocksStorage.open(nested, SMALL)) {
            assertThat(nested).isDirectory();
            assertThat(created.directory()).isEqualTo(nested);
        }
    }

    @Test
    void eachKeyspaceIsAColumnFamilyNamedInLowerCase() throws Exception {
        storage.close();
        storage = null;

        List<byte[]> families;
        try (Options options = new Options()) {
            families = RocksDB.listColumnFamilies(options, directory.toString());
        }

        assertThat(families).map(name -> new String(name, StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("default", "catalog", "data", "sequences");
    }

    @Test
    void approximateSizeCoversOnlyTheRequestedRange() {
        WriteBatch batch = new WriteBatch();
        byte[] value = new byte[1000];
        for (int i = 0; i < 2000; i++) {
            new java.util.Random(i).nextBytes(value);
            batch.put(Keyspace.DATA, number(i), value.clone());
        }
        write(batch);
        storage.flush();

        long all = storage.approximateSize(Keyspace.DATA, null, null);
        long firstHalf = storage.approximateSize(Keyspace.DATA, null, number(1000));

        assertThat(all).isGreaterThan(1_000_000);
        assertThat(firstHalf).isPositive().isLessThan(all);
        assertThat(storage.approximateSize(Keyspace.CATALOG, null, null)).isZero();
        assertThat(storage.approximateSize(Keyspace.DATA, number(5000), number(6000))).isZero();
    }

    @Test
    void statisticsReportEachKeyspaceAndTheirTotals() {
        write(new WriteBatch().put(Keyspace.DATA, bytes("a"), bytes("1")).put(Keyspace.CATALOG, bytes("b"), bytes("2")));
        storage.flush();

        Map<String, String> statistics = storage.statistics();

        assertThat(statistics).containsEntry("data.rocksdb.estimate-num-keys", "1")
                .containsEntry("catalog.rocksdb.estimate-num-keys", "1")
                .containsEntry("rocksdb.estimate-num-keys", "2")
                .containsKeys("rocksdb.total-sst-files-size", "sequences.rocksdb.cur-size-all-mem-tables",
                        "rocksdb.estimate-live-data-size", "rocksdb.num-running-compactions");
        assertThat(Long.parseLong(statistics.get("rocksdb.total-sst-files-size"))).isPositive();
    }

    @Test
    void optionsRejectNonsense() {
        assertThatThrownBy(() -> new RocksStorageOptions(0, 4L << 20, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RocksStorageOptions(8L << 20, 10, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RocksStorageOptions(8L << 20, 4L << 20, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(RocksStorageOptions.defaults().backgroundThreads()).isEqualTo(2);
    }
}
