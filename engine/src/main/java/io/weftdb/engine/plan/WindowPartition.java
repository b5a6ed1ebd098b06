package io.weftdb.engine.plan;

import java.util.List;

/**
 * The rows of one partition in window order, with their ORDER BY values: peers (rows equal on
 * every ORDER BY key) share ranks and RANGE/GROUPS frame edges.
 */
final class WindowPartition {
    private final List<Object[]> rows;
    private final List<Object[]> orderValues;
    private final int[] firstPeer;
    private final int[] lastPeer;
    private final int[] peerGroup;

    WindowPartition(List<Object[]> rows, List<Object[]> orderValues) {
        this.rows = rows;
        this.orderValues = orderValues;
        int size = rows.size();
        firstPeer = new int[size];
        lastPeer = new int[size];
        peerGroup = new int[size];
        int group = 0;
        for (int i = 0; i < size; i++) {
            boolean peerOfPrevious = i > 0 && RowKey.sameValues(orderValues.get(i - 1), orderValues.get(i));
            if (i > 0 && !peerOfPrevious) {
                group++;
            }
            firstPeer[i] = peerOfPrevious ? firstPeer[i - 1] : i;
            peerGroup[i] = group;
        }
        for (int i = size - 1; i >= 0; i--) {
            lastPeer[i] = i + 1 < size && peerGroup[i + 1] == peerGroup[i] ? lastPeer[i + 1] : i;
        }
    }

    int size() {
        return rows.size();
    }

    Object[] row(int index) {
        return rows.get(index);
    }

    Object[] orderValues(int index) {
        return orderValues.get(index);
    }

    int firstPeer(int index) {
        return firstPeer[index];
    }

    int lastPeer(int index) {
        return lastPeer[index];
    }

    int peerGroup(int index) {
        return peerGroup[index];
    }

    /** The first row of peer group {@code group} (clamped to the partition). */
    int firstOfGroup(int group) {
        if (group <= 0) {
            return 0;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (peerGroup[i] >= group) {
                return i;
            }
        }
        return rows.size();
    }

    /** One past the last row of peer group {@code group} (clamped to the partition). */
    int endOfGroup(int group) {
        if (group < 0) {
            return 0;
        }
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (peerGroup[i] <= group) {
                return i + 1;
            }
        }
        return 0;
    }
}
