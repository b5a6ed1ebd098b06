package io.weftdb.engine.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyspaceWritesTest {
    private final KeyspaceWrites writes = new KeyspaceWrites();

    private static byte[] key(int value) {
        return new byte[] {(byte) (value >>> 8), (byte) value};
    }

    private static List<String> listed(Iterator<Map.Entry<byte[], byte[]>> entries) {
        List<String> listed = new ArrayList<>();
        entries.forEachRemaining(entry -> listed.add(((entry.getKey()[0] & 0xFF) << 8 | entry.getKey()[1] & 0xFF) + "="
                + (entry.getValue() == WriteBuffer.TOMBSTONE ? "deleted" : entry.getValue().length)));
        return listed;
    }

    @Test
    void ascendingKeysAppendAndAKeyInsideARunGoesToTheOverlay() {
        PackedRun run = writes.tryAppend(key(1), new byte[1]);
        assertThat(run).isNotNull();
        assertThat(writes.tryAppend(key(5), new byte[5])).isSameAs(run);
        assertThat(writes.tryAppend(key(5), new byte[2])).isNull();
        assertThat(writes.tryAppend(key(3), new byte[3])).isNull();
        assertThat(writes.put(key(3), new byte[3])).isNull();
        assertThat(writes.put(key(5), new byte[7])).hasSize(5);
        assertThat(writes.get(key(5))).hasSize(7);
        assertThat(writes.get(key(1))).hasSize(1);
        assertThat(writes.get(key(2))).isNull();
        assertThat(listed(writes.entries(null, null))).containsExactly("1=1", "3=3", "5=7");
        assertThat(listed(writes.entries(key(2), key(5)))).containsExactly("3=3");
    }

    @Test
    void aKeyBelowEveryRunStartsOneAndTheGapBetweenRunsExtendsTheLowerOne() {
        PackedRun high = writes.tryAppend(key(100), new byte[1]);
        writes.tryAppend(key(101), new byte[1]);
        PackedRun low = writes.tryAppend(key(10), new byte[2]);
        assertThat(low).isNotSameAs(high);
        assertThat(writes.tryAppend(key(11), new byte[2])).isSameAs(low);
        assertThat(writes.tryAppend(key(99), new byte[2])).isSameAs(low);
        assertThat(writes.tryAppend(key(102), new byte[1])).isSameAs(high);
        assertThat(listed(writes.entries(null, null))).containsExactly("10=2", "11=2", "99=2", "100=1", "101=1", "102=1");
        assertThat(listed(writes.entries(key(11), key(101)))).containsExactly("11=2", "99=2", "100=1");
    }

    @Test
    void descendingKeysStopMakingRunsAndStillReadBackInOrder() {
        for (int i = 1000; i > 0; i--) {
            if (writes.tryAppend(key(i), new byte[1]) == null) {
                writes.put(key(i), new byte[1]);
            }
        }
        List<String> listed = listed(writes.entries(null, null));
        assertThat(listed).hasSize(1000);
        assertThat(listed.get(0)).isEqualTo("1=1");
        assertThat(listed.get(999)).isEqualTo("1000=1");
        assertThat(writes.get(key(500))).hasSize(1);
    }

    @Test
    void tombstonesAppendLikeValues() {
        writes.tryAppend(key(1), WriteBuffer.TOMBSTONE);
        assertThat(writes.get(key(1))).isSameAs(WriteBuffer.TOMBSTONE);
        assertThat(listed(writes.entries(null, null))).containsExactly("1=deleted");
    }

    @Test
    void anIteratorShowsTheEntriesOfWhenItWasOpened() {
        writes.tryAppend(key(1), new byte[1]);
        Iterator<Map.Entry<byte[], byte[]>> entries = writes.entries(null, null);
        writes.tryAppend(key(2), new byte[2]);
        writes.put(key(1), new byte[9]);
        assertThat(listed(entries)).containsExactly("1=1");
    }

    @Test
    void droppingAppendsReturnsToTheEarlierRunAcrossChunks() {
        PackedRun run = null;
        for (int i = 0; i < 2000; i++) {
            run = writes.tryAppend(key(i), new byte[i % 50]);
        }
        writes.tryAppend(key(2000), new byte[10_000_000]);
        writes.dropAppended(run, 1501);
        assertThat(run.size()).isEqualTo(500);
        assertThat(writes.get(key(499))).hasSize(499 % 50);
        assertThat(writes.get(key(500))).isNull();
        assertThat(writes.tryAppend(key(500), new byte[3])).isSameAs(run);
        assertThat(writes.get(key(500))).hasSize(3);
        assertThat(writes.get(key(498))).hasSize(498 % 50);
        writes.dropAppended(run, 501);
        assertThat(writes.isEmpty()).isTrue();
    }

    @Test
    void aRangeDeleteCutsARunsTailAndTombstonesEntriesBeforeOthers() {
        for (int i = 0; i < 100; i++) {
            writes.tryAppend(key(i), new byte[i]);
        }
        List<PackedRun[]> cuts = new ArrayList<>();
        List<byte[]> tombstoned = new ArrayList<>();
        KeyspaceWrites.RunChanges changes = new KeyspaceWrites.RunChanges() {
            @Override
            public void cut(PackedRun run, PackedRun removed) {
                cuts.add(new PackedRun[] {run, removed});
            }

            @Override
            public void tombstoned(byte[] key, byte[] previous) {
                tombstoned.add(key);
            }
        };
        writes.deleteRunEntries(key(10), key(20), changes);
        assertThat(tombstoned).hasSize(10);
        assertThat(writes.get(key(15))).isSameAs(WriteBuffer.TOMBSTONE);
        writes.deleteRunEntries(key(40), key(1000), changes);
        assertThat(writes.get(key(40))).isNull();
        assertThat(writes.get(key(39))).hasSize(39);
        writes.restoreRun(cuts.get(0)[0], cuts.get(0)[1]);
        assertThat(writes.get(key(99))).hasSize(99);
        writes.deleteRunEntries(key(0), key(1000), changes);
        assertThat(listed(writes.entries(null, null))).hasSize(10).allMatch(entry -> entry.endsWith("=deleted"));
    }

    @Test
    void replayMergesRunsAndOverlayInKeyOrderWithTheOverlayWinning() {
        writes.tryAppend(key(100), new byte[1]);
        writes.tryAppend(key(102), new byte[1]);
        writes.tryAppend(key(10), new byte[2]);
        writes.tryAppend(key(12), WriteBuffer.TOMBSTONE);
        writes.put(key(11), new byte[3]);
        writes.put(key(102), new byte[4]);
        writes.put(key(5), new byte[5]);
        writes.put(key(200), new byte[6]);
        List<String> replayed = new ArrayList<>();
        writes.replay(io.weftdb.engine.storage.Keyspace.DATA, new io.weftdb.engine.storage.Writes.Receiver() {
            @Override
            public void put(io.weftdb.engine.storage.Keyspace keyspace, byte[] key, byte[] value) {
                replayed.add(((key[0] & 0xFF) << 8 | key[1] & 0xFF) + "=" + value.length);
            }

            @Override
            public void delete(io.weftdb.engine.storage.Keyspace keyspace, byte[] key) {
                replayed.add(((key[0] & 0xFF) << 8 | key[1] & 0xFF) + "=deleted");
            }

            @Override
            public void deleteRange(io.weftdb.engine.storage.Keyspace keyspace, byte[] from, byte[] to) {
                throw new AssertionError();
            }
        });
        assertThat(replayed).containsExactly("5=5", "10=2", "11=3", "12=deleted", "100=1", "102=4", "200=6");
    }
}
