package io.weftdb.server.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.engine.Session;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionsTest {
    @TempDir
    Path directory;
    private TestDatabase database;
    private TestDatabase.Client first;
    private TestDatabase.Client second;

    @BeforeEach
    void open() {
        database = new TestDatabase(directory);
        first = database.client();
        second = database.client();
        first.execute("CREATE TABLE accounts (id integer PRIMARY KEY, balance integer NOT NULL)");
        first.execute("INSERT INTO accounts VALUES (1, 100), (2, 100)");
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
        database.close();
    }

    @Test
    void rollbackUndoesDataAndDdl() {
        first.execute("BEGIN");
        first.execute("CREATE TABLE scratch (x integer)");
        first.execute("INSERT INTO scratch VALUES (1)");
        first.execute("UPDATE accounts SET balance = 0");
        first.execute("ALTER TABLE accounts ADD COLUMN note text");
        first.execute("ROLLBACK");
        assertThat(first.error("SELECT * FROM scratch").code()).isEqualTo(ErrorCode.UNDEFINED_TABLE);
        assertThat(first.query("SELECT * FROM accounts ORDER BY id")).containsExactly(List.of("1", "100"), List.of("2", "100"));
    }

    @Test
    void savepointsRollBackPartOfATransaction() {
        first.execute("BEGIN");
        first.execute("UPDATE accounts SET balance = 1 WHERE id = 1");
        first.execute("SAVEPOINT s1");
        first.execute("UPDATE accounts SET balance = 2 WHERE id = 1");
        first.execute("DROP TABLE accounts");
        first.execute("ROLLBACK TO SAVEPOINT s1");
        assertThat(first.value("SELECT balance FROM accounts WHERE id = 1")).isEqualTo("1");
        first.execute("RELEASE SAVEPOINT s1");
        first.execute("COMMIT");
        assertThat(second.value("SELECT balance FROM accounts WHERE id = 1")).isEqualTo("1");
    }

    @Test
    void anErrorFailsTheBlockUntilRollback() {
        first.execute("BEGIN");
        first.execute("UPDATE accounts SET balance = 5 WHERE id = 1");
        assertThat(first.error("INSERT INTO accounts VALUES (1, 1)").code()).isEqualTo(ErrorCode.UNIQUE_VIOLATION);
        assertThat(first.session().transactionState()).isEqualTo(Session.TransactionState.FAILED);
        assertThat(first.error("SELECT 1").code()).isEqualTo(ErrorCode.IN_FAILED_SQL_TRANSACTION);
        assertThat(first.execute("COMMIT")).isEqualTo("ROLLBACK");
        assertThat(first.value("SELECT balance FROM accounts WHERE id = 1")).isEqualTo("100");
    }

    @Test
    void uncommittedChangesAreInvisibleToOthersAndReadCommittedSeesCommits() {
        first.execute("BEGIN");
        first.execute("UPDATE accounts SET balance = 50 WHERE id = 1");
        second.execute("BEGIN");
        assertThat(second.value("SELECT balance FROM accounts WHERE id = 1")).isEqualTo("100");
        first.execute("COMMIT");
        assertThat(second.value("SELECT balance FROM accounts WHERE id = 1")).isEqualTo("50");
        second.execute("COMMIT");
    }

    @Test
    void innodbRepeatableReadKeepsItsSnapshotForReadsButWritesTheLatestRows() {
        second.execute("SET weftdb.repeatable_read_writes = 'current'");
        second.execute("BEGIN ISOLATION LEVEL REPEATABLE READ");
        assertThat(second.value("SELECT balance FROM accounts WHERE id = 1")).isEqualTo("100");
        first.execute("UPDATE accounts SET balance = 70 WHERE id = 1");
        first.execute("INSERT INTO accounts VALUES (3, 30)");
        // Consistent reads: the transaction's snapshot.
        assertThat(second.value("SELECT balance FROM accounts WHERE id = 1")).isEqualTo("100");
        assertThat(second.value("SELECT count(*) FROM accounts")).isEqualTo("2");
        // Current reads: the UPDATE works on the committed 70 and finds the row inserted since.
        assertThat(second.execute("UPDATE accounts SET balance = balance + 1 WHERE id = 1")).isEqualTo("UPDATE 1");
        assertThat(second.execute("UPDATE accounts SET balance = 0 WHERE id = 3")).isEqualTo("UPDATE 1");
        assertThat(second.query("SELECT id, balance FROM accounts WHERE id IN (1, 3) FOR UPDATE"))
                .containsExactly(List.of("1", "71"), List.of("3", "0"));
        // Back on the snapshot, with the transaction's own changes on top of it.
        assertThat(second.value("SELECT balance FROM accounts WHERE id = 1")).isEqualTo("71");
        assertThat(second.value("SELECT count(*) FROM accounts")).isEqualTo("3");
        first.execute("UPDATE accounts SET balance = 5 WHERE id = 2");
        assertThat(second.value("SELECT balance FROM accounts WHERE id = 2")).isEqualTo("100");
        second.execute("COMMIT");
        assertThat(first.query("SELECT id, balance FROM accounts ORDER BY id"))
                .containsExactly(List.of("1", "71"), List.of("2", "5"), List.of("3", "0"));
        assertThat(second.error("SET weftdb.repeatable_read_writes = 'sometimes'").code())
                .isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
    }

    @Test
    void selectForUpdateWaitsForTheRowAndReturnsItsLatestVersion() throws Exception {
        first.execute("BEGIN");
        first.execute("UPDATE accounts SET balance = 60 WHERE id = 1");
        second.execute("BEGIN");
        CompletableFuture<List<List<String>>> locked = CompletableFuture.supplyAsync(
                () -> second.query("SELECT id, balance FROM accounts WHERE balance >= 60 ORDER BY id FOR UPDATE"));
        Thread.sleep(200);
        assertThat(locked).isNotDone();
        first.execute("COMMIT");
        // Re-checked on the committed version: row 1 still passes (60), row 2 untouched.
        assertThat(locked.get(10, TimeUnit.SECONDS)).containsExactly(List.of("1", "60"), List.of("2", "100"));
        // The rows stay locked until this transaction ends.
        first.execute("SET lock_timeout = '100ms'");
        assertThat(first.error("UPDATE accounts SET balance = 0 WHERE id = 2").code()).isEqualTo(ErrorCode.LOCK_NOT_AVAILABLE);
        second.execute("COMMIT");
        assertThat(first.execute("UPDATE accounts SET balance = 0 WHERE id = 2")).isEqualTo("UPDATE 1");
    }

    @Test
    void aRowLockedForUpdateThatNoLongerMatchesIsSkipped() throws Exception {
        first.execute("BEGIN");
        first.execute("UPDATE accounts SET balance = 10 WHERE id = 1");
        CompletableFuture<List<List<String>>> locked = CompletableFuture.supplyAsync(
                () -> second.query("SELECT id FROM accounts WHERE balance = 100 FOR NO KEY UPDATE"));
        Thread.sleep(200);
        first.execute("COMMIT");
        assertThat(locked.get(10, TimeUnit.SECONDS)).containsExactly(List.of("2"));
    }

    @Test
    void forShareLetsOtherReadersShareButHoldsWritersOff() {
        first.execute("BEGIN");
        assertThat(first.query("SELECT id FROM accounts WHERE id = 1 FOR SHARE")).containsExactly(List.of("1"));
        second.execute("BEGIN");
        assertThat(second.query("SELECT id FROM accounts WHERE id = 1 FOR KEY SHARE")).containsExactly(List.of("1"));
        second.execute("SET LOCAL lock_timeout = '100ms'");
        assertThat(second.error("UPDATE accounts SET balance = 1 WHERE id = 1").code()).isEqualTo(ErrorCode.LOCK_NOT_AVAILABLE);
        second.execute("ROLLBACK");
        first.execute("COMMIT");
    }

    @Test
    void orderByLimitLocksOnlyTheRowsItReturnsAndSkipLockedPassesOverHeldOnes() {
        first.execute("INSERT INTO accounts VALUES (3, 100), (4, 100)");
        first.execute("BEGIN");
        assertThat(first.query("SELECT id FROM accounts WHERE balance = 100 ORDER BY id LIMIT 1 FOR UPDATE"))
                .containsExactly(List.of("1"));
        second.execute("BEGIN");
        // Row 2 was sorted but not returned, so it is not locked.
        assertThat(second.query("SELECT id FROM accounts WHERE id = 2 FOR UPDATE NOWAIT")).containsExactly(List.of("2"));
        assertThat(second.query("SELECT id, balance FROM accounts WHERE balance = 100 ORDER BY id LIMIT 2 FOR UPDATE SKIP LOCKED"))
                .containsExactly(List.of("2", "100"), List.of("3", "100"));
        SqlException held = second.error("SELECT * FROM accounts WHERE id = 1 FOR SHARE NOWAIT");
        assertThat(held.code()).isEqualTo(ErrorCode.LOCK_NOT_AVAILABLE);
        assertThat(held.getMessage()).isEqualTo("could not obtain lock on row in relation \"accounts\"");
        second.execute("ROLLBACK");
        assertThat(first.query("SELECT id FROM accounts ORDER BY id FOR UPDATE SKIP LOCKED"))
                .containsExactly(List.of("1"), List.of("2"), List.of("3"), List.of("4"));
        first.execute("COMMIT");
        assertThat(first.error("SELECT * FROM accounts FOR UPDATE OF accounts").code()).isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED);
    }

    @Test
    void aLockedRowThatChangedIsReturnedAsItIsNow() throws Exception {
        first.execute("BEGIN");
        first.execute("UPDATE accounts SET balance = 150 WHERE id = 2");
        CompletableFuture<List<List<String>>> locked = CompletableFuture.supplyAsync(() -> second.query(
                "SELECT id, balance * 2 AS doubled FROM accounts WHERE balance >= 100 ORDER BY id DESC LIMIT 5 FOR UPDATE"));
        Thread.sleep(200);
        assertThat(locked).isNotDone();
        first.execute("COMMIT");
        assertThat(locked.get(10, TimeUnit.SECONDS)).containsExactly(List.of("2", "300"), List.of("1", "200"));
    }

    @Test
    void releasingASavepointDefinedRightAfterAnotherKeepsTheEarlierOne() {
        first.execute("BEGIN");
        first.execute("INSERT INTO accounts VALUES (3, 30)");
        first.execute("SAVEPOINT outer_point");
        first.execute("SAVEPOINT inner_point");
        first.execute("RELEASE SAVEPOINT inner_point");
        first.execute("INSERT INTO accounts VALUES (4, 40)");
        first.execute("ROLLBACK TO SAVEPOINT outer_point");
        first.execute("SAVEPOINT later_point");
        first.execute("ROLLBACK TO SAVEPOINT outer_point");
        assertThat(first.error("RELEASE SAVEPOINT later_point").code()).isEqualTo(ErrorCode.UNDEFINED_SAVEPOINT);
        first.execute("ROLLBACK");
        first.execute("BEGIN");
        first.execute("INSERT INTO accounts VALUES (3, 30)");
        first.execute("SAVEPOINT outer_point");
        first.execute("SAVEPOINT inner_point");
        first.execute("RELEASE SAVEPOINT inner_point");
        first.execute("INSERT INTO accounts VALUES (4, 40)");
        first.execute("ROLLBACK TO SAVEPOINT outer_point");
        first.execute("COMMIT");
        assertThat(first.query("SELECT id FROM accounts ORDER BY id")).containsExactly(List.of("1"), List.of("2"), List.of("3"));
    }

    @Test
    void repeatableReadRefusesToLockARowChangedSinceItsSnapshot() {
        second.execute("BEGIN ISOLATION LEVEL REPEATABLE READ");
        assertThat(second.value("SELECT balance FROM accounts WHERE id = 1")).isEqualTo("100");
        first.execute("UPDATE accounts SET balance = 70 WHERE id = 1");
        assertThat(second.error("SELECT * FROM accounts WHERE id = 1 FOR UPDATE").code())
                .isEqualTo(ErrorCode.SERIALIZATION_FAILURE);
        second.execute("ROLLBACK");
    }

    @Test
    void forUpdateIsRefusedWhereRowsAreNotTableRows() {
        assertThat(first.error("SELECT count(*) FROM accounts FOR UPDATE").getMessage())
                .isEqualTo("FOR UPDATE is not allowed with aggregate functions");
        assertThat(first.error("SELECT DISTINCT balance FROM accounts FOR SHARE").getMessage())
                .isEqualTo("FOR SHARE is not allowed with DISTINCT clause");
        assertThat(first.error("SELECT balance FROM accounts GROUP BY balance FOR UPDATE").code())
                .isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED);
        // Joined tables lock their rows too.
        first.execute("CREATE TABLE owners (account integer, name text)");
        first.execute("INSERT INTO owners VALUES (1, 'ann')");
        first.execute("BEGIN");
        assertThat(first.query("SELECT a.id, o.name FROM accounts a JOIN owners o ON o.account = a.id FOR UPDATE"))
                .containsExactly(List.of("1", "ann"));
        assertThat(first.query("EXPLAIN SELECT * FROM accounts a JOIN owners o ON o.account = a.id WHERE a.id = 1 FOR SHARE")
                .stream().map(row -> row.get(0).strip()).toList())
                .contains("->  LockRows (shared): (WHERE clause)  (rows=1)");
        first.execute("COMMIT");
    }

    @Test
    void repeatableReadKeepsItsSnapshotAndRefusesToOverwriteNewerRows() {
        second.execute("BEGIN ISOLATION LEVEL REPEATABLE READ");
        assertThat(second.value("SELECT balance FROM accounts WHERE id = 1")).isEqualTo("100");
        first.execute("UPDATE accounts SET balance = 70 WHERE id = 1");
        assertThat(second.value("SELECT balance FROM accounts WHERE id = 1")).isEqualTo("100");
        SqlException conflict = second.error("UPDATE accounts SET balance = balance + 1 WHERE id = 1");
        assertThat(conflict.code()).isEqualTo(ErrorCode.SERIALIZATION_FAILURE);
        second.execute("ROLLBACK");
        assertThat(second.value("SELECT balance FROM accounts WHERE id = 1")).isEqualTo("70");
    }

    @Test
    void concurrentIncrementsNeverLoseAnUpdate() throws Exception {
        int threads = 4;
        int increments = 50;
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        for (int t = 0; t < threads; t++) {
            workers.add(CompletableFuture.runAsync(() -> {
                try (TestDatabase.Client client = database.client()) {
                    for (int i = 0; i < increments; i++) {
                        client.execute("BEGIN");
                        client.execute("UPDATE accounts SET balance = balance + 1 WHERE id = 1");
                        client.execute("UPDATE accounts SET balance = balance - 1 WHERE id = 2");
                        client.execute("COMMIT");
                    }
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                    throw e;
                }
            }));
        }
        for (CompletableFuture<Void> worker : workers) {
            worker.get(60, TimeUnit.SECONDS);
        }
        assertThat(failures).hasValue(0);
        assertThat(first.query("SELECT balance FROM accounts ORDER BY id"))
                .containsExactly(List.of(String.valueOf(100 + threads * increments)), List.of(String.valueOf(100 - threads * increments)));
    }

    @Test
    void crossedUpdatesAreDetectedAsADeadlock() throws Exception {
        first.execute("BEGIN");
        second.execute("BEGIN");
        first.execute("UPDATE accounts SET balance = 1 WHERE id = 1");
        second.execute("UPDATE accounts SET balance = 2 WHERE id = 2");
        CompletableFuture<String> firstWaits = CompletableFuture.supplyAsync(
                () -> first.execute("UPDATE accounts SET balance = 1 WHERE id = 2"));
        // The first session must be waiting before the second closes the cycle; generous for loaded machines.
        Thread.sleep(500);
        SqlException deadlock = second.error("UPDATE accounts SET balance = 2 WHERE id = 1");
        assertThat(deadlock.code()).isEqualTo(ErrorCode.DEADLOCK_DETECTED);
        second.execute("ROLLBACK");
        assertThat(firstWaits.get(10, TimeUnit.SECONDS)).isEqualTo("UPDATE 1");
        first.execute("COMMIT");
        assertThat(second.query("SELECT balance FROM accounts ORDER BY id")).containsExactly(List.of("1"), List.of("1"));
    }

    @Test
    void statementTimeoutCancelsALockWait() {
        first.execute("BEGIN");
        first.execute("UPDATE accounts SET balance = 1 WHERE id = 1");
        second.execute("SET statement_timeout = 200");
        SqlException timeout = second.error("UPDATE accounts SET balance = 2 WHERE id = 1");
        assertThat(timeout.code()).isEqualTo(ErrorCode.QUERY_CANCELED);
        assertThat(timeout.getMessage()).isEqualTo("canceling statement due to statement timeout");
        first.execute("COMMIT");
    }

    @Test
    void committedDataSurvivesARestart() {
        first.execute("BEGIN");
        first.execute("INSERT INTO accounts VALUES (3, 300)");
        first.execute("COMMIT");
        second.execute("BEGIN");
        second.execute("INSERT INTO accounts VALUES (4, 400)");
        second.close();
        first.close();
        database.restart();
        first = database.client();
        second = database.client();
        assertThat(first.query("SELECT id FROM accounts ORDER BY id")).containsExactly(List.of("1"), List.of("2"), List.of("3"));
    }
}
