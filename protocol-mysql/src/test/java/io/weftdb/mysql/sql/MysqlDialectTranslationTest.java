package io.weftdb.mysql.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.parse.ParsedStatement;
import io.weftdb.ir.stmt.ColumnConstraint;
import io.weftdb.ir.stmt.ColumnDefinition;
import io.weftdb.ir.stmt.DataChange;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.stmt.SchemaChange;
import io.weftdb.ir.stmt.SessionCommand;
import io.weftdb.ir.stmt.Statement;
import io.weftdb.ir.stmt.TransactionControl;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import io.weftdb.mysql.error.MysqlException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MySQL syntax translated into the same IR the PostgreSQL parser produces, with MySQL's meanings. */
class MysqlDialectTranslationTest {
    private final MysqlSqlParser parser = new MysqlSqlParser();

    private List<ParsedCommand> commands(String sql) {
        return parser.parseCommands(sql, FixedFacts.IN_PUBLIC);
    }

    private MysqlCommand command(String sql) {
        List<ParsedCommand> commands = commands(sql);
        assertThat(commands).hasSize(1);
        return commands.getFirst().command();
    }

    private Statement statement(String sql) {
        return ((MysqlCommand.EngineStatement) command(sql)).statement();
    }

    private Query.Select select(String sql) {
        return (Query.Select) statement(sql);
    }

    private Expr firstItem(String sql) {
        return select(sql).items().getFirst().expression();
    }

    @Test
    void backticksQuoteNamesAndAllNamesFoldToLowerCase() {
        Query.Select select = select("SELECT `Order`.`Id` FROM `Shop`.`Order`");
        assertThat(((Expr.ColumnRef) select.items().getFirst().expression()).name()).isEqualTo(QualifiedName.of("order", "id"));
        assertThat(((io.weftdb.ir.stmt.FromItem.TableRef) select.from().getFirst()).name())
                .isEqualTo(QualifiedName.of("shop", "order"));
    }

    @Test
    void limitWithTwoNumbersIsOffsetThenCount() {
        Query.Select select = select("SELECT a FROM t LIMIT 5, 10");
        assertThat(((Expr.Literal) select.limit()).value()).isEqualTo(10L);
        assertThat(((Expr.Literal) select.offset()).value()).isEqualTo(5L);
        Query.Select withOffset = select("SELECT a FROM t LIMIT 10 OFFSET 5");
        assertThat(((Expr.Literal) withOffset.limit()).value()).isEqualTo(10L);
        assertThat(((Expr.Literal) withOffset.offset()).value()).isEqualTo(5L);
    }

    @Test
    void unaliasedExpressionsAreNamedByTheirText() {
        Query.Select select = select("SELECT COUNT(*), a, 1 + 1 AS two FROM t");
        assertThat(select.items()).extracting(Query.SelectItem::alias).containsExactly("COUNT(*)", null, "two");
    }

    @Test
    void createTableWithAutoIncrementUnsignedTinyintOneAndTableOptions() {
        List<ParsedCommand> commands = commands("CREATE TABLE IF NOT EXISTS t (id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
                + " flag TINYINT(1) DEFAULT 0, ok BOOLEAN, body MEDIUMTEXT, data LONGBLOB, price DECIMAL(10,2),"
                + " at DATETIME(3), stamp TIMESTAMP, kind ENUM('a','bb'), PRIMARY KEY (id), KEY by_kind (kind))"
                + " ENGINE=InnoDB AUTO_INCREMENT=1 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci COMMENT='things'");
        assertThat(commands).singleElement().matches(c -> c.offset() == 0);
        // IF NOT EXISTS: the table's commands run only when it does not exist.
        List<MysqlCommand> inner = ((MysqlCommand.UnlessTableExists) commands.getFirst().command()).commands();
        assertThat(inner).hasSize(3);
        SchemaChange.CreateTable create = (SchemaChange.CreateTable)
                ((MysqlCommand.EngineStatement) inner.get(0)).statement();
        assertThat(create.ifNotExists()).isTrue();
        ColumnDefinition id = create.columns().get(0);
        assertThat(id.type()).isEqualTo(DataType.BIGINT);
        assertThat(id.serial()).isTrue();
        assertThat(id.constraints()).anyMatch(c -> c instanceof ColumnConstraint.Check check && check.sql().equals("id >= 0"));
        assertThat(create.columns()).extracting(ColumnDefinition::type).containsExactly(DataType.BIGINT, DataType.SMALLINT,
                DataType.SMALLINT, DataType.TEXT, DataType.BYTEA, DataType.numeric(10, 2), DataType.TIMESTAMP,
                DataType.TIMESTAMPTZ, DataType.varchar(2));
        SchemaChange.CreateIndex index = (SchemaChange.CreateIndex)
                ((MysqlCommand.EngineStatement) inner.get(1)).statement();
        assertThat(index.name()).isEqualTo("by_kind");
        assertThat(index.table()).isEqualTo(QualifiedName.of("t"));
        assertThat(((MysqlCommand.EngineStatement) inner.get(2)).statement())
                .isEqualTo(new SchemaChange.Comment(SchemaChange.CommentTarget.TABLE, QualifiedName.of("t"), "things"));
    }

    @Test
    void mysqlOperatorsKeepTheirMeaning() {
        assertThat(firstItem("SELECT 7 / 2")).isInstanceOfSatisfying(Expr.Binary.class, divide -> {
            assertThat(divide.operator()).isEqualTo(BinaryOperator.DIVIDE);
            assertThat(((Expr.Cast) divide.left()).type()).isEqualTo(DataType.NUMERIC);
        });
        assertThat(((Expr.Binary) firstItem("SELECT a || b FROM t")).operator()).isEqualTo(BinaryOperator.OR);
        assertThat(((Expr.Binary) firstItem("SELECT a && b FROM t")).operator()).isEqualTo(BinaryOperator.AND);
        assertThat(((Expr.Binary) firstItem("SELECT a ^ b FROM t")).operator()).isEqualTo(BinaryOperator.BITWISE_XOR);
        assertThat(firstItem("SELECT a <=> b FROM t")).isInstanceOfSatisfying(Expr.IsDistinctFrom.class,
                test -> assertThat(test.negated()).isTrue());
        assertThat(((Expr.Binary) firstItem("SELECT a REGEXP 'x' FROM t")).operator()).isEqualTo(BinaryOperator.REGEX_IMATCH);
        assertThat(((Expr.Literal) firstItem("SELECT TRUE")).value()).isEqualTo(1L);
    }

    @Test
    void ifAndIfnullAreCaseAndCoalesce() {
        assertThat(firstItem("SELECT IF(a > 1, 'big', 'small') FROM t")).isInstanceOf(Expr.Case.class);
        assertThat(((Expr.FunctionCall) firstItem("SELECT IFNULL(a, 0) FROM t")).name()).isEqualTo(QualifiedName.of("coalesce"));
    }

    @Test
    void sessionFactsBecomeConstants() {
        assertThat(((Expr.Literal) firstItem("SELECT DATABASE()")).value()).isEqualTo("public");
        assertThat(((Expr.Literal) firstItem("SELECT LAST_INSERT_ID()")).value()).isEqualTo(7L);
        assertThat(((Expr.Literal) firstItem("SELECT CONNECTION_ID()")).value()).isEqualTo(42L);
        assertThat(((Expr.Literal) firstItem("SELECT @@session.autocommit")).value()).isEqualTo(1L);
        assertThat(select("SELECT @@version").items().getFirst().alias()).isEqualTo("@@version");
        assertThatThrownBy(() -> commands("SELECT @@no_such_thing")).isInstanceOf(MysqlException.class)
                .hasMessage("Unknown system variable 'no_such_thing'");
    }

    @Test
    void stringsTakeBackslashEscapesAndDoubleQuotes() {
        assertThat(((Expr.Literal) firstItem("SELECT 'it\\'s\\n'")).value()).isEqualTo("it's\n");
        assertThat(((Expr.Literal) firstItem("SELECT \"say \"\"hi\"\"\"")).value()).isEqualTo("say \"hi\"");
        assertThat(((Expr.Literal) firstItem("SELECT 'a' 'b'")).value()).isEqualTo("ab");
    }

    @Test
    void parametersAreNumberedInOrder() {
        List<ParsedCommand> commands = commands("INSERT INTO t (a, b) VALUES (?, ?)");
        assertThat(commands.getFirst().parameterCount()).isEqualTo(2);
        DataChange.Insert insert = (DataChange.Insert) ((MysqlCommand.EngineStatement) commands.getFirst().command()).statement();
        List<Expr> row = ((Query.Values) insert.source()).rows().getFirst();
        assertThat(row).extracting(parameter -> ((Expr.Parameter) parameter).index()).containsExactly(1, 2);
    }

    @Test
    void insertIgnoreSkipsConflictsAndSetFormIsAValuesRow() {
        DataChange.Insert ignore = (DataChange.Insert) statement("INSERT IGNORE INTO t VALUES (1)");
        assertThat(ignore.onConflict().doNothing()).isTrue();
        DataChange.Insert set = (DataChange.Insert) statement("INSERT INTO t SET a = 1, b = DEFAULT");
        assertThat(set.columns()).containsExactly("a", "b");
    }

    @Test
    void transactionsAndSessionCommands() {
        assertThat(statement("START TRANSACTION READ ONLY")).isEqualTo(new TransactionControl.Begin(null, true));
        assertThat(statement("COMMIT WORK")).isEqualTo(new TransactionControl.Commit(false));
        assertThat(statement("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ")).isEqualTo(
                new TransactionControl.SetTransaction(TransactionControl.IsolationLevel.REPEATABLE_READ, null, true));
        assertThat(command("USE shop")).isEqualTo(new MysqlCommand.UseDatabase("shop"));
        assertThat(command("SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci"))
                .isEqualTo(new MysqlCommand.SetNames("utf8mb4", "utf8mb4_unicode_ci"));
        MysqlCommand.SetVariables set = (MysqlCommand.SetVariables) command("SET autocommit = 0, @@session.sql_mode = ''");
        assertThat(set.assignments()).extracting(a -> ((MysqlCommand.Assignment) a).name())
                .containsExactly("autocommit", "sql_mode");
        MysqlCommand.SetVariables user = (MysqlCommand.SetVariables) command(
                "SET @OLD_CHECKS = @@autocommit, foreign_key_checks = 0");
        assertThat(user.assignments().getFirst()).isInstanceOfSatisfying(MysqlCommand.UserAssignment.class,
                assignment -> assertThat(assignment.name()).isEqualTo("old_checks"));
        assertThat(command("KILL QUERY 12")).isEqualTo(new MysqlCommand.Kill(12, true));
    }

    @Test
    void showAndDescribeAreListenerCommands() {
        assertThat(command("SHOW FULL TABLES FROM shop LIKE 'o%'")).isEqualTo(new MysqlCommand.ShowTables("shop", true, "o%"));
        assertThat(command("DESCRIBE shop.orders")).isEqualTo(
                new MysqlCommand.ShowColumns(QualifiedName.of("shop", "orders"), false, null));
        assertThat(command("SHOW COLUMNS FROM orders FROM shop")).isEqualTo(
                new MysqlCommand.ShowColumns(QualifiedName.of("shop", "orders"), false, null));
        assertThat(command("SHOW SESSION VARIABLES LIKE 'char%'")).isEqualTo(new MysqlCommand.ShowVariables(false, "char%"));
        assertThat(command("SHOW CREATE TABLE t")).isEqualTo(new MysqlCommand.ShowCreateTable(QualifiedName.of("t")));
        assertThat(command("SHOW TABLE STATUS FROM shop LIKE 'o%'")).isEqualTo(new MysqlCommand.ShowTableStatus("shop", "o%"));
    }

    @Test
    void autoIncrementTableOptionSetsTheCounterAndDumpStatementsParse() {
        assertThat(commands("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB AUTO_INCREMENT=42")
                .getLast().command()).isEqualTo(new MysqlCommand.SetAutoIncrement(QualifiedName.of("t"), 42));
        assertThat(command("ALTER TABLE t DISABLE KEYS")).isEqualTo(new MysqlCommand.NoChange(QualifiedName.of("t")));
        assertThat(statement("CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY DEFINER VIEW v (a) AS"
                + " SELECT 1")).isInstanceOfSatisfying(SchemaChange.CreateView.class, view -> {
                    assertThat(view.columnNames()).containsExactly("a");
                    assertThat(view.sql()).isEqualTo("SELECT 1");
                });
        assertThat(statement("SELECT SQL_NO_CACHE engine FROM information_schema.tables"))
                .isInstanceOfSatisfying(Query.Select.class, select -> assertThat(select.from().getFirst())
                        .isInstanceOf(io.weftdb.ir.stmt.FromItem.DerivedTable.class));
    }

    @Test
    void whatTheEngineCannotDoYetIsRejectedAsNotSupported() {
        for (String sql : List.of("SELECT DATE_FORMAT(NOW(), '%U')")) {
            assertThatThrownBy(() -> commands(sql)).as(sql).isInstanceOfSatisfying(SqlException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED));
        }
    }

    @Test
    void onDuplicateKeyUpdateIsOnConflictWithoutTargetAndValuesOrTheRowAliasIsTheProposedRow() {
        DataChange.Insert insert = (DataChange.Insert) statement(
                "INSERT INTO t (a, b) VALUES (1, 2) ON DUPLICATE KEY UPDATE b = VALUES(b) + b");
        DataChange.OnConflict onConflict = insert.onConflict();
        assertThat(onConflict.targetColumns()).isEmpty();
        assertThat(onConflict.doNothing()).isFalse();
        Expr.Binary sum = (Expr.Binary) onConflict.assignments().getFirst().value();
        assertThat(sum.left()).isEqualTo(new Expr.ColumnRef(QualifiedName.of("excluded", "b"), sum.left().position()));
        assertThat(sum.right()).isEqualTo(new Expr.ColumnRef(QualifiedName.of("t", "b"), sum.right().position()));
        // Without CLIENT_FOUND_ROWS a row the assignments leave unchanged is neither written nor counted.
        assertThat(onConflict.where()).isInstanceOf(Expr.IsDistinctFrom.class);

        DataChange.OnConflict aliased = ((DataChange.Insert) statement(
                "INSERT INTO t (a, b) VALUES (1, 2) AS new (x, y) ON DUPLICATE KEY UPDATE b = new.y + x")).onConflict();
        Expr.Binary aliasedSum = (Expr.Binary) aliased.assignments().getFirst().value();
        assertThat(((Expr.ColumnRef) aliasedSum.left()).name()).isEqualTo(QualifiedName.of("excluded", "b"));
        assertThat(((Expr.ColumnRef) aliasedSum.right()).name()).isEqualTo(QualifiedName.of("excluded", "a"));

        assertThat(((Expr.Literal) firstItem("SELECT VALUES(a)")).value()).isNull();
        assertThatThrownBy(() -> commands("INSERT INTO t (a) VALUES (1) AS new (x, y) ON DUPLICATE KEY UPDATE a = x"))
                .isInstanceOfSatisfying(MysqlException.class, e -> assertThat(e.error().code()).isEqualTo(1136));
    }

    @Test
    void anIntegerUsedAsAConditionIsComparedWithZero() {
        Expr where = select("SELECT * FROM t WHERE flag AND NOT other OR a > 1").where();
        Expr.Binary or = (Expr.Binary) where;
        Expr.Binary and = (Expr.Binary) or.left();
        assertThat(and.left()).isInstanceOfSatisfying(Expr.Binary.class, flag -> {
            assertThat(flag.operator()).isEqualTo(BinaryOperator.NOT_EQUAL);
            assertThat(((Expr.ColumnRef) flag.left()).name()).isEqualTo(QualifiedName.of("flag"));
        });
        assertThat(((Expr.Unary) and.right()).operand()).isInstanceOfSatisfying(Expr.Binary.class,
                other -> assertThat(other.operator()).isEqualTo(BinaryOperator.NOT_EQUAL));
        assertThat(((Expr.Binary) or.right()).operator()).isEqualTo(BinaryOperator.GREATER);
        Expr.Case when = (Expr.Case) firstItem("SELECT IF(flag, 1, 2)");
        assertThat(((Expr.Binary) when.whens().getFirst().condition()).operator()).isEqualTo(BinaryOperator.NOT_EQUAL);
    }

    @Test
    void lockTablesNamesTheTablesAndUnlockTablesEndsTheLocks() {
        assertThat(command("LOCK TABLES `t` WRITE, shop.u AS x READ LOCAL")).isEqualTo(new MysqlCommand.LockTables(List.of(
                new MysqlCommand.TableLock(QualifiedName.of("t"), true),
                new MysqlCommand.TableLock(QualifiedName.of("shop", "u"), false))));
        assertThat(command("UNLOCK TABLES")).isEqualTo(new MysqlCommand.UnlockTables());
    }

    @Test
    void syntaxErrorsQuoteTheRestOfTheStatementLikeMysql() {
        assertThatThrownBy(() -> commands("SELECT * FORM t")).isInstanceOfSatisfying(SqlException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
            assertThat(e.getMessage()).isEqualTo("You have an error in your SQL syntax; check the manual that corresponds"
                    + " to your MySQL server version for the right syntax to use near 'FORM t' at line 1");
        });
    }

    @Test
    void multiStatementScriptsKeepEachStatementsText() {
        List<ParsedCommand> commands = commands("SELECT 1; -- comment\nSELECT 2 # another\n;");
        assertThat(commands).extracting(ParsedCommand::text).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void executableCommentsRunAndNewerOnesStayComments() {
        List<ParsedCommand> commands = commands("/*!40101 SET NAMES utf8mb4 */; /*!99999 DROP TABLE t */; "
                + "SELECT '/*!40101 not a comment */' /*! , 2 */");
        assertThat(commands).hasSize(2);
        assertThat(commands.get(0).command()).isEqualTo(new MysqlCommand.SetNames("utf8mb4", null));
        Query.Select select = (Query.Select) ((MysqlCommand.EngineStatement) commands.get(1).command()).statement();
        assertThat(((Expr.Literal) select.items().get(0).expression()).value()).isEqualTo("/*!40101 not a comment */");
        assertThat(select.items()).hasSize(2);
    }

    @Test
    void fromDualIsNoFrom() {
        assertThat(select("SELECT 1 FROM DUAL").from()).isEmpty();
    }

    @Test
    void theGenericParserMapsUseToTheSearchPath() {
        List<ParsedStatement> statements = parser.parse("USE shop; SELECT 1.5");
        assertThat(statements.get(0).statement()).isInstanceOfSatisfying(SessionCommand.SetVariable.class,
                set -> assertThat(set.name()).isEqualTo("search_path"));
        Expr value = ((Query.Select) statements.get(1).statement()).items().getFirst().expression();
        assertThat(((Expr.Literal) value).value()).isEqualTo(new BigDecimal("1.5"));
        assertThat(((Expr.Literal) value).type().kind()).isEqualTo(TypeKind.NUMERIC);
        assertThatThrownBy(() -> parser.parse("SHOW TABLES")).isInstanceOfSatisfying(SqlException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED));
    }
}
