package io.weftdb.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.engine.storage.KeyCursor;
import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.storage.ReadView;
import io.weftdb.engine.storage.Storage;
import io.weftdb.engine.storage.WriteBatch;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every implementation of the engine's storage SPI must do, whatever store it wraps. A new
 * implementation proves itself by extending this class and saying how to open it.
 */
public abstract class StorageContractTest {
    @TempDir
    protected Path directory;
    protected Storage storage;

    /** Opens the implementation on {@code dir}; called again on the same directory to test reopening. */
    protected abstract Storage newStorage(Path dir);

    @BeforeEach
    void openStorage() {
        storage = newStorage(directory);
    }

    @AfterEach
    void closeStorage() {
        if (storage != null) {
            storage.close();
        }
    }

    @Test
    void putThenGetReturnsTheValueAndDeleteRemovesIt() {
        write(new WriteBatch().put(Keyspace.DATA, bytes("k"), bytes("v1")));
        try (ReadView view = storage.latest()) {
            assertThat(view.get(Keyspace.DATA, bytes("k"))).isEqualTo(bytes("v1"));
            assertThat(view.get(Keyspace.DATA, bytes("missing"))).isNull();
        }

        write(new WriteBatch().delete(Keyspace.DATA, bytes("k")));

        try (ReadView view = storage.latest()) {
            assertThat(view.get(Keyspace.DATA, bytes("k"))).isNull();
        }
    }

    @Test
    void keyspacesDoNotSeeEachOthersKeys() {
        write(new WriteBatch()
                .put(Keyspace.CATALOG, bytes("same"), bytes("catalog"))
                .put(Keyspace.DATA, bytes("same"), bytes("data")));

        try (ReadView view = storage.latest()) {
            assertThat(view.get(Keyspace.CATALOG, bytes("same"))).isEqualTo(bytes("catalog"));
            assertThat(view.get(Keyspace.DATA, bytes("same"))).isEqualTo(bytes("data"));
            assertThat(view.get(Keyspace.SEQUENCES, bytes("same"))).isNull();
            assertThat(keys(view, Keyspace.SEQUENCES, null, null)).isEmpty();
        }
    }

    @Test
    void scanReturnsKeysInUnsignedByteOrderWithinBounds() {
        byte[][] keys = {{0x00}, {0x01}, {0x01, 0x00}, {0x7F}, {(byte) 0x80}, {(byte) 0xFF}, {(byte) 0xFF, 0x00}};
        WriteBatch batch = new WriteBatch();
        for (int i = keys.length - 1; i >= 0; i--) {
            batch.put(Keyspace.DATA, keys[i], new byte[] {(byte) i});
        }
        write(batch);

        try (ReadView view = storage.latest()) {
            assertThat(keys(view, Keyspace.DATA, null, null)).containsExactly(keys);
            assertThat(keys(view, Keyspace.DATA, new byte[] {0x01}, new byte[] {(byte) 0x80}))
                    .containsExactly(keys[1], keys[2], keys[3]);
            assertThat(keys(view, Keyspace.DATA, new byte[] {0x01, 0x00, 0x00}, null))
                    .containsExactly(keys[3], keys[4], keys[5], keys[6]);
            assertThat(keys(view, Keyspace.DATA, null, new byte[] {0x01}))
                    .containsExactly(keys[0]);
            assertThat(keys(view, Keyspace.DATA, new byte[] {0x10}, new byte[] {0x20})).isEmpty();
        }
    }

    @Test
    void cursorValuesBelongToTheirKeys() {
        write(new WriteBatch().put(Keyspace.DATA, bytes("a"), bytes("1")).put(Keyspace.DATA, bytes("b"), bytes("2")));

        try (ReadView view = storage.latest(); KeyCursor cursor = view.scan(Keyspace.DATA, null, null)) {
            assertThat(cursor.next()).isTrue();
            assertThat(cursor.key()).isEqualTo(bytes("a"));
            assertThat(cursor.value()).isEqualTo(bytes("1"));
            assertThat(cursor.next()).isTrue();
            assertThat(cursor.value()).isEqualTo(bytes("2"));
            assertThat(cursor.key()).isEqualTo(bytes("b"));
            assertThat(cursor.next()).isFalse();
            assertThat(cursor.next()).isFalse();
        }
    }

    @Test
    void seekRepositionsSoTheNextEntryIsTheFirstAtOrAfterTheTarget() {
        WriteBatch batch = new WriteBatch();
        for (int i = 0; i < 100; i += 10) {
            batch.put(Keyspace.DATA, number(i), number(i));
        }
        write(batch);

        try (ReadView view = storage.latest(); KeyCursor cursor = view.scan(Keyspace.DATA, number(20), number(70))) {
            cursor.seek(number(45));
            assertThat(cursor.next()).isTrue();
            assertThat(cursor.key()).isEqualTo(number(50));

            cursor.seek(number(30));
            assertThat(cursor.next()).isTrue();
            assertThat(cursor.key()).isEqualTo(number(30));
            assertThat(cursor.next()).isTrue();
            assertThat(cursor.key()).isEqualTo(number(40));

            cursor.seek(number(0));
            assertThat(cursor.next()).as("a seek below the range stops at its lower bound").isTrue();
            assertThat(cursor.key()).isEqualTo(number(20));

            cursor.seek(number(65));
            assertThat(cursor.next()).as("a seek past the last key in range finds nothing").isFalse();

            cursor.seek(number(60));
            assertThat(cursor.next()).as("a cursor that ran out can seek again").isTrue();
            assertThat(cursor.key()).isEqualTo(number(60));
            assertThat(cursor.next()).isFalse();
        }
    }

    @Test
    void snapshotDoesNotSeeLaterWritesButLatestDoes() {
        write(new WriteBatch().put(Keyspace.DATA, bytes("a"), bytes("old")).put(Keyspace.DATA, bytes("b"), bytes("old")));
        try (ReadView snapshot = storage.snapshot(); ReadView latest = storage.latest()) {
            write(new WriteBatch()
                    .put(Keyspace.DATA, bytes("a"), bytes("new"))
                    .delete(Keyspace.DATA, bytes("b"))
                    .put(Keyspace.DATA, bytes("c"), bytes("new")));

            assertThat(snapshot.get(Keyspace.DATA, bytes("a"))).isEqualTo(bytes("old"));
            assertThat(snapshot.get(Keyspace.DATA, bytes("b"))).isEqualTo(bytes("old"));
            assertThat(snapshot.get(Keyspace.DATA, bytes("c"))).isNull();
            assertThat(keys(snapshot, Keyspace.DATA, null, null)).containsExactly(bytes("a"), bytes("b"));

            assertThat(latest.get(Keyspace.DATA, bytes("a"))).isEqualTo(bytes("new"));
            assertThat(latest.get(Keyspace.DATA, bytes("b"))).isNull();
            assertThat(keys(latest, Keyspace.DATA, null, null)).containsExactly(bytes("a"), bytes("c"));
        }
    }

    @Test
    void laterOperationsOfABatchOverrideEarlierOnesOnTheSameKey() {
        write(new WriteBatch()
                .put(Keyspace.DATA, bytes("gone"), bytes("1"))
                .delete(Keyspace.DATA, bytes("gone"))
                .delete(Keyspace.DATA, bytes("kept"))
                .put(Keyspace.DATA, bytes("kept"), bytes("2")));

        try (ReadView view = storage.latest()) {
            assertThat(view.get(Keyspace.DATA, bytes("gone"))).isNull();
            assertThat(view.get(Keyspace.DATA, bytes("kept"))).isEqualTo(bytes("2"));
        }
    }

    @Test
    void rangeDeleteRemovesExactlyTheHalfOpenRangeAndSnapshotsKeepIt() {
        WriteBatch batch = new WriteBatch();
        for (int i = 0; i < 10; i++) {
            batch.put(Keyspace.DATA, number(i), number(i));
        }
        write(batch.put(Keyspace.CATALOG, number(5), number(5)));

        try (ReadView before = storage.snapshot()) {
            write(new WriteBatch().deleteRange(Keyspace.DATA, number(3), number(7)).put(Keyspace.DATA, number(4), bytes("new")));

            try (ReadView after = storage.latest()) {
                assertThat(keys(after, Keyspace.DATA, null, null))
                        .containsExactly(number(0), number(1), number(2), number(4), number(7), number(8), number(9));
                assertThat(after.get(Keyspace.DATA, number(3))).isNull();
                assertThat(after.get(Keyspace.DATA, number(4))).isEqualTo(bytes("new"));
                assertThat(after.get(Keyspace.CATALOG, number(5))).isEqualTo(number(5));
            }
            assertThat(keys(before, Keyspace.DATA, null, null)).hasSize(10);
        }
    }

    @Test
    void concurrentSnapshotsNeverSeeHalfABatch() throws Exception {
        write(new WriteBatch().put(Keyspace.DATA, bytes("left"), number(0)).put(Keyspace.CATALOG, bytes("right"), number(0)));
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> tornRead = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!done.get() && tornRead.get() == null) {
                try (ReadView view = storage.snapshot()) {
                    byte[] left = view.get(Keyspace.DATA, bytes("left"));
                    byte[] right = view.get(Keyspace.CATALOG, bytes("right"));
                    if (ByteBuffer.wrap(left).getInt() != ByteBuffer.wrap(right).getInt()) {
                        tornRead.set(ByteBuffer.wrap(left).getInt() + " != " + ByteBuffer.wrap(right).getInt());
                    }
                }
            }
        });
        reader.start();
        for (int i = 1; i <= 3000; i++) {
            write(new WriteBatch().put(Keyspace.DATA, bytes("left"), number(i)).put(Keyspace.CATALOG, bytes("right"), number(i)));
        }
        done.set(true);
        reader.join();

        assertThat(tornRead.get()).isNull();
    }

    @Test
    void dataSurvivesCloseAndReopen() {
        storage.write(new WriteBatch().put(Keyspace.DATA, bytes("synced"), bytes("1")), true);
        storage.write(new WriteBatch().put(Keyspace.SEQUENCES, bytes("buffered"), bytes("2")), false);
        storage.close();

        storage = newStorage(directory);

        try (ReadView view = storage.latest()) {
            assertThat(view.get(Keyspace.DATA, bytes("synced"))).isEqualTo(bytes("1"));
            assertThat(view.get(Keyspace.SEQUENCES, bytes("buffered"))).isEqualTo(bytes("2"));
        }
    }

    @Test
    void dataSurvivesFlushAndReopen() {
        WriteBatch batch = new WriteBatch();
        for (int i = 0; i < 1000; i++) {
            batch.put(Keyspace.DATA, number(i), bytes("value " + i));
        }
        write(batch);
        storage.flush();
        storage.close();

        storage = newStorage(directory);

        try (ReadView view = storage.latest()) {
            assertThat(keys(view, Keyspace.DATA, null, null)).hasSize(1000);
            assertThat(view.get(Keyspace.DATA, number(999))).isEqualTo(bytes("value 999"));
        }
    }

    @Test
    void closingTwiceIsHarmlessAndClosesViewsLeftOpen() {
        ReadView forgotten = storage.snapshot();
        forgotten.scan(Keyspace.DATA, null, null);

        storage.close();
        storage.close();
        forgotten.close();

        assertThatThrownBy(() -> forgotten.get(Keyspace.DATA, bytes("k"))).isInstanceOf(IllegalStateException.class);
        storage = null;
    }

    @Test
    void snapshotsTakenWithoutAWriteBetweenThemSeeTheSameStateAndOutliveEachOther() {
        write(new WriteBatch().put(Keyspace.DATA, bytes("a"), bytes("1")));
        ReadView first = storage.snapshot();
        ReadView second = storage.snapshot();
        write(new WriteBatch().put(Keyspace.DATA, bytes("a"), bytes("2")).put(Keyspace.DATA, bytes("b"), bytes("1")));
        ReadView third = storage.snapshot();

        first.close();
        assertThat(second.get(Keyspace.DATA, bytes("a"))).isEqualTo(bytes("1"));
        assertThat(second.get(Keyspace.DATA, bytes("b"))).isNull();
        assertThat(keys(second, Keyspace.DATA, null, null)).hasSize(1);
        second.close();
        assertThat(third.get(Keyspace.DATA, bytes("a"))).isEqualTo(bytes("2"));
        assertThat(keys(third, Keyspace.DATA, null, null)).hasSize(2);
        third.close();

        try (ReadView fourth = storage.snapshot()) {
            assertThat(fourth.get(Keyspace.DATA, bytes("b"))).isEqualTo(bytes("1"));
        }
    }

    @Test
    void aLatestViewSeesWritesMadeBetweenItsLookupsWhateverTheirOrder() {
        java.util.Map<Integer, String> expected = new java.util.HashMap<>();
        for (int i = 0; i < 200; i += 2) {
            write(new WriteBatch().put(Keyspace.DATA, number(i), bytes("v" + i)));
            expected.put(i, "v" + i);
        }
        try (ReadView latest = storage.latest()) {
            for (int i = 0; i < 200; i++) {
                String value = expected.get(i);
                assertThat(latest.get(Keyspace.DATA, number(i))).as("key %d", i)
                        .isEqualTo(value == null ? null : bytes(value));
                if (i % 50 == 25) {
                    // Writes between lookups, just above the keys asked so far.
                    write(new WriteBatch().put(Keyspace.DATA, number(i + 1), bytes("late"))
                            .delete(Keyspace.DATA, number(i + 3)));
                    expected.put(i + 1, "late");
                    expected.remove(i + 3);
                }
            }
            // And back down, out of order.
            assertThat(latest.get(Keyspace.DATA, number(28))).isNull();
            assertThat(latest.get(Keyspace.DATA, number(26))).isEqualTo(bytes("late"));
            assertThat(latest.get(Keyspace.DATA, number(0))).isEqualTo(bytes("v0"));
        }
    }

    @Test
    void closingTheStorageEndsViewsThatOnlyLookedKeysUp() {
        ReadView lookups = storage.snapshot();
        lookups.get(Keyspace.DATA, bytes("k"));
        ReadView latest = storage.latest();

        storage.close();

        assertThatThrownBy(() -> lookups.get(Keyspace.DATA, bytes("k"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> latest.get(Keyspace.DATA, bytes("k"))).isInstanceOf(IllegalStateException.class);
        lookups.close();
        latest.close();
        storage = null;
    }

    @Test
    void closedCursorAndViewRefuseUse() {
        ReadView view = storage.latest();
        KeyCursor cursor = view.scan(Keyspace.DATA, null, null);
        cursor.close();
        view.close();

        assertThatThrownBy(cursor::next).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> view.get(Keyspace.DATA, bytes("k"))).isInstanceOf(IllegalStateException.class);
    }

    protected void write(WriteBatch batch) {
        storage.write(batch, false);
    }

    protected static List<byte[]> keys(ReadView view, Keyspace keyspace, byte[] from, byte[] to) {
        List<byte[]> keys = new ArrayList<>();
        try (KeyCursor cursor = view.scan(keyspace, from, to)) {
            while (cursor.next()) {
                keys.add(cursor.key().clone());
            }
        }
        return keys;
    }

    protected static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A 4-byte big-endian key, so numeric order is key order. */
    protected static byte[] number(int value) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(value).array();
    }
}
