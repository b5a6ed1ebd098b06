package io.weftdb.engine.txn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.engine.catalog.Catalog;
import io.weftdb.engine.catalog.DatabaseDef;
import io.weftdb.engine.storage.InMemoryStorage;
import io.weftdb.engine.storage.Keyspace;
import io.weftdb.ir.stmt.TransactionControl.IsolationLevel;
import org.junit.jupiter.api.Test;

class UndoLogTest {
    private final InMemoryStorage storage = new InMemoryStorage();
    private final TransactionManager manager = new TransactionManager(storage, Catalog.EMPTY, true);

    private static byte[] bytes(int value) {
        return new byte[] {(byte) value};
    }

    @Test
    void rollingBackToASavepointRestoresBufferedWritesAndTheCatalog() {
        Transaction transaction = manager.begin(IsolationLevel.READ_COMMITTED, false, false);
        transaction.beginStatement();
        transaction.put(Keyspace.DATA, bytes(1), bytes(10));
        transaction.defineSavepoint("s");
        transaction.put(Keyspace.DATA, bytes(1), bytes(11));
        transaction.put(Keyspace.DATA, bytes(2), bytes(20));
        transaction.delete(Keyspace.DATA, bytes(3));
        transaction.putCatalogObject(new DatabaseDef(5, "other"));
        transaction.rollbackToSavepoint("s");
        assertThat(transaction.buffer().get(Keyspace.DATA, bytes(1))).containsExactly(10);
        assertThat(transaction.buffer().get(Keyspace.DATA, bytes(2))).isNull();
        assertThat(transaction.buffer().get(Keyspace.DATA, bytes(3))).isNull();
        assertThat(transaction.catalog().databaseByName("other")).isNull();
    }

    @Test
    void aFailedStatementIsUndoneWithoutTouchingEarlierStatements() {
        Transaction transaction = manager.begin(IsolationLevel.READ_COMMITTED, false, false);
        transaction.beginStatement();
        transaction.put(Keyspace.DATA, bytes(1), bytes(1));
        int mark = transaction.beginStatement();
        transaction.put(Keyspace.DATA, bytes(2), bytes(2));
        transaction.rollbackStatement(mark);
        manager.commit(transaction);
        try (var view = storage.snapshot()) {
            assertThat(view.get(Keyspace.DATA, bytes(1))).containsExactly(1);
            assertThat(view.get(Keyspace.DATA, bytes(2))).isNull();
        }
    }

    @Test
    void commitPublishesCatalogChangesAndRollbackDiscardsEverything() {
        Transaction committed = manager.begin(IsolationLevel.READ_COMMITTED, false, false);
        committed.beginStatement();
        committed.putCatalogObject(new DatabaseDef(7, "kept"));
        manager.commit(committed);
        Transaction rolledBack = manager.begin(IsolationLevel.READ_COMMITTED, false, false);
        rolledBack.beginStatement();
        rolledBack.putCatalogObject(new DatabaseDef(8, "dropped"));
        rolledBack.put(Keyspace.DATA, bytes(9), bytes(9));
        manager.rollback(rolledBack);
        assertThat(manager.committedCatalog().databaseByName("kept")).isNotNull();
        assertThat(manager.committedCatalog().databaseByName("dropped")).isNull();
        try (var view = storage.snapshot()) {
            assertThat(view.get(Keyspace.DATA, bytes(9))).isNull();
            assertThat(view.get(Keyspace.CATALOG, io.weftdb.engine.catalog.CatalogStore.key(7))).isNotNull();
        }
        assertThat(io.weftdb.engine.catalog.CatalogStore.load(storage).databaseByName("kept")).isNotNull();
    }

    @Test
    void aRangeDeleteAlsoDropsWhatTheTransactionBufferedInTheRangeAndSavepointsBringItBack() {
        Transaction transaction = manager.begin(IsolationLevel.READ_COMMITTED, false, false);
        transaction.beginStatement();
        transaction.put(Keyspace.DATA, new byte[] {5, 1}, bytes(1));
        transaction.defineSavepoint("before");
        transaction.deleteRange(new byte[] {5}, new byte[] {6});
        assertThat(transaction.buffer().get(Keyspace.DATA, new byte[] {5, 1})).isNull();
        transaction.rollbackToSavepoint("before");
        assertThat(transaction.buffer().get(Keyspace.DATA, new byte[] {5, 1})).containsExactly(1);
        transaction.deleteRange(new byte[] {5}, new byte[] {6});
        manager.commit(transaction);
        try (var view = storage.snapshot()) {
            assertThat(view.get(Keyspace.DATA, new byte[] {5, 1})).isNull();
        }
    }

    @Test
    void appendsCountedTogetherStillRollBackToTheSavepointBetweenThem() {
        Transaction transaction = manager.begin(IsolationLevel.READ_COMMITTED, false, false);
        transaction.beginStatement();
        transaction.put(Keyspace.DATA, bytes(1), bytes(1));
        transaction.put(Keyspace.DATA, bytes(2), bytes(2));
        transaction.defineSavepoint("s");
        transaction.put(Keyspace.DATA, bytes(3), bytes(3));
        transaction.put(Keyspace.DATA, bytes(4), bytes(4));
        transaction.rollbackToSavepoint("s");
        assertThat(transaction.buffer().get(Keyspace.DATA, bytes(2))).containsExactly(2);
        assertThat(transaction.buffer().get(Keyspace.DATA, bytes(3))).isNull();
        transaction.put(Keyspace.DATA, bytes(3), bytes(30));
        transaction.rollbackToSavepoint("s");
        assertThat(transaction.buffer().get(Keyspace.DATA, bytes(3))).isNull();
        manager.commit(transaction);
        try (var view = storage.snapshot()) {
            assertThat(view.get(Keyspace.DATA, bytes(2))).containsExactly(2);
            assertThat(view.get(Keyspace.DATA, bytes(3))).isNull();
        }
    }

    @Test
    void aRangeDeleteInsideTheBufferedKeysTurnsThemIntoDeletesAndUndoBringsThemBack() {
        Transaction transaction = manager.begin(IsolationLevel.READ_COMMITTED, false, false);
        transaction.beginStatement();
        transaction.put(Keyspace.DATA, new byte[] {5, 1}, bytes(1));
        transaction.put(Keyspace.DATA, new byte[] {6, 1}, bytes(2));
        transaction.defineSavepoint("before");
        transaction.deleteRange(new byte[] {5}, new byte[] {6});
        assertThat(transaction.buffer().get(Keyspace.DATA, new byte[] {5, 1})).isSameAs(WriteBuffer.TOMBSTONE);
        transaction.rollbackToSavepoint("before");
        assertThat(transaction.buffer().get(Keyspace.DATA, new byte[] {5, 1})).containsExactly(1);
        manager.commit(transaction);
        try (var view = storage.snapshot()) {
            assertThat(view.get(Keyspace.DATA, new byte[] {5, 1})).containsExactly(1);
            assertThat(view.get(Keyspace.DATA, new byte[] {6, 1})).containsExactly(2);
        }
    }

    @Test
    void aTransactionOutgrowingItsWriteBufferLimitFailsTheStatementAndKeepsEarlierWrites() {
        TransactionManager small = new TransactionManager(storage, Catalog.EMPTY, true, 1 << 20, Long.MAX_VALUE);
        Transaction transaction = small.begin(IsolationLevel.READ_COMMITTED, false, false);
        transaction.beginStatement();
        transaction.put(Keyspace.DATA, new byte[] {0}, bytes(1));
        int statement = transaction.beginStatement();
        byte[] value = new byte[1000];
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100_000; i++) {
                transaction.put(Keyspace.DATA, new byte[] {1, (byte) (i >>> 16), (byte) (i >>> 8), (byte) i}, value);
            }
        }).isInstanceOfSatisfying(io.weftdb.ir.error.SqlException.class,
                failure -> assertThat(failure.code()).isEqualTo(io.weftdb.ir.error.ErrorCode.OUT_OF_MEMORY));
        transaction.rollbackStatement(statement);
        assertThat(transaction.buffer().retainedBytes()).isLessThan(1 << 16);
        assertThat(transaction.buffer().get(Keyspace.DATA, new byte[] {0})).containsExactly(1);
    }
}
