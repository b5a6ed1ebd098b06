package io.weftdb.pg.sql;

import io.weftdb.ir.parse.ParsedStatement;
import static io.weftdb.pg.sql.ExpectedIr.binary;
import static io.weftdb.pg.sql.ExpectedIr.column;
import static io.weftdb.pg.sql.ExpectedIr.integer;
import static io.weftdb.pg.sql.ExpectedIr.item;
import static io.weftdb.pg.sql.ExpectedIr.parameter;
import static io.weftdb.pg.sql.ExpectedIr.select;
import static io.weftdb.pg.sql.ExpectedIr.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.stmt.ColumnConstraint;
import io.weftdb.ir.stmt.ColumnDefinition;
import io.weftdb.ir.stmt.Copy;
import io.weftdb.ir.stmt.DataChange;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.stmt.SchemaChange;
import io.weftdb.ir.stmt.SchemaChange.AlterAction;
import io.weftdb.ir.stmt.TableConstraint;
import io.weftdb.ir.stmt.TransactionControl;
import io.weftdb.ir.type.DataType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The statements pgbench sends: its initialisation steps and the TPC-B-like transaction. */
final class PgbenchStatementsTest {
    private final PostgresSqlParser parser = new PostgresSqlParser();

    private static ColumnDefinition column(String name, DataType type, int position, ColumnConstraint... constraints) {
        return new ColumnDefinition(name, type, null, false, ColumnDefinition.Identity.NONE, List.of(constraints),
                position);
    }

    @Test
    void createAccountsWithFillfactor() {
        assertThat(parser.parseOne("create table pgbench_accounts(aid int not null,bid int,abalance int,filler char(84))"
                + " with (fillfactor=100)")).isEqualTo(new SchemaChange.CreateTable(
                QualifiedName.of("pgbench_accounts"), false, List.of(
                        column("aid", DataType.INTEGER, 31, new ColumnConstraint.NotNull(null)),
                        column("bid", DataType.INTEGER, 48),
                        column("abalance", DataType.INTEGER, 56),
                        column("filler", DataType.character(84), 69)),
                List.of(), null));
    }

    @Test
    void createHistoryWithTimestamp() {
        SchemaChange.CreateTable create = (SchemaChange.CreateTable) parser.parseOne(
                "create table pgbench_history(tid int,bid int,aid    int,delta int,mtime timestamp,filler char(22))");
        assertThat(create.columns()).extracting(ColumnDefinition::name)
                .containsExactly("tid", "bid", "aid", "delta", "mtime", "filler");
        assertThat(create.columns()).extracting(ColumnDefinition::type).containsExactly(DataType.INTEGER,
                DataType.INTEGER, DataType.INTEGER, DataType.INTEGER, DataType.TIMESTAMP, DataType.character(22));
    }

    @Test
    void addPrimaryKey() {
        assertThat(parser.parseOne("alter table pgbench_branches add primary key (bid)")).isEqualTo(
                new SchemaChange.AlterTable(QualifiedName.of("pgbench_branches"), false, List.of(
                        new AlterAction.AddConstraint(new TableConstraint.PrimaryKey(null, List.of("bid"))))));
    }

    @Test
    void dropAndTruncateAllTables() {
        List<QualifiedName> tables = List.of(QualifiedName.of("pgbench_accounts"), QualifiedName.of("pgbench_branches"),
                QualifiedName.of("pgbench_history"), QualifiedName.of("pgbench_tellers"));
        assertThat(parser.parseOne("drop table if exists pgbench_accounts, pgbench_branches, pgbench_history,"
                + " pgbench_tellers")).isEqualTo(new SchemaChange.DropTable(tables, true, false));
        assertThat(parser.parseOne("truncate table pgbench_accounts, pgbench_branches, pgbench_history,"
                + " pgbench_tellers")).isEqualTo(new SchemaChange.Truncate(tables, false, false));
    }

    @Test
    void copyWithFreeze() {
        assertThat(parser.parseOne("copy pgbench_accounts from stdin with (freeze on)")).isEqualTo(new Copy(
                QualifiedName.of("pgbench_accounts"), List.of(), null, Copy.Direction.FROM, null,
                Map.of("freeze", "on")));
    }

    @Test
    void vacuumAnalyze() {
        assertThat(parser.parseOne("vacuum analyze pgbench_branches")).isEqualTo(new SchemaChange.Analyze(
                List.of(QualifiedName.of("pgbench_branches")), true));
    }

    @Test
    void insertBranchRow() {
        assertThat(parser.parseOne("insert into pgbench_branches(bid,bbalance) values(1,0)")).isEqualTo(
                new DataChange.Insert(List.of(), QualifiedName.of("pgbench_branches"), null, List.of("bid", "bbalance"),
                        new Query.Values(List.of(List.of(integer(1, 51), integer(0, 53))), List.of(), null, null),
                        null, List.of()));
    }

    @Test
    void updateBalanceWithParameters() {
        assertThat(parser.parse("UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2;")
                .getFirst().statement()).isEqualTo(new DataChange.Update(List.of(),
                QualifiedName.of("pgbench_accounts"), null,
                List.of(new DataChange.Assignment("abalance",
                        binary(BinaryOperator.ADD, ExpectedIr.column(40, "abalance"), parameter(1, 51)))),
                List.of(), binary(BinaryOperator.EQUAL, ExpectedIr.column(60, "aid"), parameter(2, 66)), List.of()));
    }

    @Test
    void updateBalanceWithANegativeLiteralAsSimpleProtocolSendsIt() {
        DataChange.Update update = (DataChange.Update) parser.parseOne(
                "UPDATE pgbench_accounts SET abalance = abalance + -4235 WHERE aid = 55178;");
        assertThat(update.assignments().getFirst().value()).isEqualTo(
                binary(BinaryOperator.ADD, ExpectedIr.column(40, "abalance"), integer(-4235, 51)));
    }

    @Test
    void selectBalance() {
        assertThat(parser.parse("SELECT abalance FROM pgbench_accounts WHERE aid = $1;").getFirst().statement())
                .isEqualTo(select(List.of(item(ExpectedIr.column(8, "abalance"))), List.of(table("pgbench_accounts", 22)),
                        binary(BinaryOperator.EQUAL, ExpectedIr.column(45, "aid"), parameter(1, 51))));
    }

    @Test
    void insertHistoryWithCurrentTimestamp() {
        assertThat(parser.parse("INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES ($1, $2, $3, $4,"
                + " CURRENT_TIMESTAMP);").getFirst().statement()).isEqualTo(new DataChange.Insert(List.of(),
                QualifiedName.of("pgbench_history"), null, List.of("tid", "bid", "aid", "delta", "mtime"),
                new Query.Values(List.of(List.of(parameter(1, 67), parameter(2, 71), parameter(3, 75), parameter(4, 79),
                        new Expr.SpecialValue(Expr.SpecialValueKind.CURRENT_TIMESTAMP, 83))), List.of(), null, null),
                null, List.of()));
    }

    @Test
    void transactionScriptParsesAsOneScript() {
        List<ParsedStatement> statements = parser.parse("""
                BEGIN;
                UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2;
                SELECT abalance FROM pgbench_accounts WHERE aid = $1;
                UPDATE pgbench_tellers SET tbalance = tbalance + $1 WHERE tid = $2;
                UPDATE pgbench_branches SET bbalance = bbalance + $1 WHERE bid = $2;
                INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES ($1, $2, $3, $4, CURRENT_TIMESTAMP);
                END;
                """);
        assertThat(statements).extracting(ParsedStatement::statement).hasSize(7)
                .first().isEqualTo(new TransactionControl.Begin(null, null));
        assertThat(statements.getLast().statement()).isEqualTo(new TransactionControl.Commit(false));
    }

    @Test
    void partitionCheckQueryFromInitialisation() {
        Query.Select select = (Query.Select) parser.parseOne("""
                select o.n, p.partstrat, pg_catalog.count(i.inhparent) \
                from pg_catalog.pg_class as c \
                join pg_catalog.pg_namespace as n on (n.oid = c.relnamespace) \
                cross join lateral (select pg_catalog.array_position(pg_catalog.current_schemas(true), n.nspname)) \
                as o(n) \
                left join pg_catalog.pg_partitioned_table as p on (p.partrelid = c.oid) \
                left join pg_catalog.pg_inherits as i on (c.oid = i.inhparent) \
                where c.relname = 'pgbench_accounts' and o.n is not null \
                group by 1, 2 \
                order by 1 asc \
                limit 1""");
        assertThat(select.items()).hasSize(3);
        assertThat(select.groupBy()).hasSize(2);
        assertThat(select.limit()).isEqualTo(integer(1, 482));
    }
}
