package io.weftdb.pg.sql;

import static io.weftdb.pg.sql.ExpectedIr.integer;
import static io.weftdb.pg.sql.ExpectedIr.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.stmt.SessionCommand;
import io.weftdb.ir.stmt.TransactionControl;
import io.weftdb.ir.stmt.TransactionControl.IsolationLevel;
import io.weftdb.ir.type.DataType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Transaction control, SET, SHOW and RESET. */
final class TransactionAndSessionParsingTest {
    private final PostgresSqlParser parser = new PostgresSqlParser();

    @Test
    void beginInEverySpelling() {
        assertThat(parser.parseOne("BEGIN")).isEqualTo(new TransactionControl.Begin(null, null));
        assertThat(parser.parseOne("begin work")).isEqualTo(new TransactionControl.Begin(null, null));
        assertThat(parser.parseOne("BEGIN TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ ONLY, DEFERRABLE"))
                .isEqualTo(new TransactionControl.Begin(IsolationLevel.SERIALIZABLE, true));
        assertThat(parser.parseOne("START TRANSACTION READ WRITE ISOLATION LEVEL REPEATABLE READ NOT DEFERRABLE"))
                .isEqualTo(new TransactionControl.Begin(IsolationLevel.REPEATABLE_READ, false));
        assertThat(parser.parseOne("START TRANSACTION ISOLATION LEVEL READ COMMITTED"))
                .isEqualTo(new TransactionControl.Begin(IsolationLevel.READ_COMMITTED, null));
        assertThat(parser.parseOne("BEGIN ISOLATION LEVEL READ UNCOMMITTED"))
                .isEqualTo(new TransactionControl.Begin(IsolationLevel.READ_UNCOMMITTED, null));
    }

    @Test
    void commitAndRollbackWithAndWithoutChain() {
        assertThat(parser.parseOne("COMMIT")).isEqualTo(new TransactionControl.Commit(false));
        assertThat(parser.parseOne("END WORK")).isEqualTo(new TransactionControl.Commit(false));
        assertThat(parser.parseOne("COMMIT TRANSACTION AND CHAIN")).isEqualTo(new TransactionControl.Commit(true));
        assertThat(parser.parseOne("COMMIT AND NO CHAIN")).isEqualTo(new TransactionControl.Commit(false));
        assertThat(parser.parseOne("ROLLBACK")).isEqualTo(new TransactionControl.Rollback(false));
        assertThat(parser.parseOne("ABORT AND CHAIN")).isEqualTo(new TransactionControl.Rollback(true));
    }

    @Test
    void savepoints() {
        assertThat(parser.parseOne("SAVEPOINT sp1")).isEqualTo(new TransactionControl.Savepoint("sp1"));
        assertThat(parser.parseOne("RELEASE SAVEPOINT sp1")).isEqualTo(new TransactionControl.ReleaseSavepoint("sp1"));
        assertThat(parser.parseOne("RELEASE sp1")).isEqualTo(new TransactionControl.ReleaseSavepoint("sp1"));
        assertThat(parser.parseOne("ROLLBACK TO SAVEPOINT sp1")).isEqualTo(new TransactionControl.RollbackToSavepoint("sp1"));
        assertThat(parser.parseOne("ROLLBACK WORK TO sp1")).isEqualTo(new TransactionControl.RollbackToSavepoint("sp1"));
    }

    @Test
    void setTransactionForNowOrForTheSession() {
        assertThat(parser.parseOne("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"))
                .isEqualTo(new TransactionControl.SetTransaction(IsolationLevel.SERIALIZABLE, null, false));
        assertThat(parser.parseOne("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"))
                .isEqualTo(new TransactionControl.SetTransaction(null, true, true));
    }

    @Test
    void setValuesAreUntypedTextExceptNumbers() {
        assertThat(parser.parseOne("SET search_path = public, \"$user\"")).isEqualTo(new SessionCommand.SetVariable(
                "search_path", List.of(string("public", 19), string("$user", 27)), false));
        assertThat(parser.parseOne("SET LOCAL statement_timeout TO 0")).isEqualTo(new SessionCommand.SetVariable(
                "statement_timeout", List.of(integer(0, 32)), true));
        assertThat(parser.parseOne("SET SESSION extra_float_digits = -3")).isEqualTo(new SessionCommand.SetVariable(
                "extra_float_digits", List.of(integer(-3, 34)), false));
        assertThat(parser.parseOne("SET x = 1.5")).isEqualTo(new SessionCommand.SetVariable("x",
                List.of(new Expr.Literal(new BigDecimal("1.5"), DataType.NUMERIC, 9)), false));
        assertThat(parser.parseOne("SET enable_seqscan = ON")).isEqualTo(new SessionCommand.SetVariable(
                "enable_seqscan", List.of(string("on", 22)), false));
        assertThat(parser.parseOne("SET standard_conforming_strings = true")).isEqualTo(new SessionCommand.SetVariable(
                "standard_conforming_strings", List.of(string("true", 35)), false));
        assertThat(parser.parseOne("SET application_name = 'psql'")).isEqualTo(new SessionCommand.SetVariable(
                "application_name", List.of(string("psql", 24)), false));
        assertThat(parser.parseOne("SET DateStyle = ISO, MDY")).isEqualTo(new SessionCommand.SetVariable(
                "datestyle", List.of(string("iso", 17), string("mdy", 22)), false));
    }

    @Test
    void setQualifiedNameAndDefault() {
        assertThat(parser.parseOne("SET myapp.user_id = 42")).isEqualTo(new SessionCommand.SetVariable(
                "myapp.user_id", List.of(integer(42, 21)), false));
        assertThat(parser.parseOne("SET work_mem TO DEFAULT")).isEqualTo(new SessionCommand.SetVariable(
                "work_mem", List.of(), false));
    }

    @Test
    void setTimeZoneNamesAndSchemaUseTheirParameterNames() {
        assertThat(parser.parseOne("SET TIME ZONE 'UTC'")).isEqualTo(new SessionCommand.SetVariable(
                "timezone", List.of(string("UTC", 15)), false));
        assertThat(parser.parseOne("SET TIME ZONE -5")).isEqualTo(new SessionCommand.SetVariable(
                "timezone", List.of(integer(-5, 15)), false));
        assertThat(parser.parseOne("SET TIME ZONE LOCAL")).isEqualTo(new SessionCommand.SetVariable(
                "timezone", List.of(), false));
        assertThat(parser.parseOne("SET TIME ZONE INTERVAL '+02:00'")).isEqualTo(new SessionCommand.SetVariable(
                "timezone", List.of(new Expr.Cast(string("+02:00", 24), DataType.INTERVAL, 15)), false));
        assertThat(parser.parseOne("SET NAMES 'UTF8'")).isEqualTo(new SessionCommand.SetVariable(
                "client_encoding", List.of(string("UTF8", 11)), false));
        assertThat(parser.parseOne("SET SCHEMA 'app'")).isEqualTo(new SessionCommand.SetVariable(
                "search_path", List.of(string("app", 12)), false));
    }

    @Test
    void showAndReset() {
        assertThat(parser.parseOne("SHOW server_version")).isEqualTo(new SessionCommand.ShowVariable("server_version"));
        assertThat(parser.parseOne("SHOW ALL")).isEqualTo(new SessionCommand.ShowVariable("all"));
        assertThat(parser.parseOne("SHOW TIME ZONE")).isEqualTo(new SessionCommand.ShowVariable("timezone"));
        assertThat(parser.parseOne("SHOW TRANSACTION ISOLATION LEVEL"))
                .isEqualTo(new SessionCommand.ShowVariable("transaction_isolation"));
        assertThat(parser.parseOne("SHOW \"TimeZone\"")).isEqualTo(new SessionCommand.ShowVariable("TimeZone"));
        assertThat(parser.parseOne("RESET search_path")).isEqualTo(new SessionCommand.ResetVariable("search_path"));
        assertThat(parser.parseOne("RESET ALL")).isEqualTo(new SessionCommand.ResetVariable("all"));
        assertThat(parser.parseOne("RESET TIME ZONE")).isEqualTo(new SessionCommand.ResetVariable("timezone"));
    }
}
