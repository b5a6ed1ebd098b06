package io.weftdb.mysql.sql;

import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.stmt.Copy;
import io.weftdb.ir.stmt.DataChange;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.stmt.Statement;
import java.util.List;

/**
 * One translated MySQL statement: IR for the engine, or a command the MySQL listener answers from
 * the catalog and its session state because the engine has no such statement (SHOW, SET of MySQL
 * variables, USE, KILL).
 */
public sealed interface MysqlCommand {

    record EngineStatement(Statement statement) implements MysqlCommand {}

    /** USE db: the session's search path becomes that schema. */
    record UseDatabase(String name) implements MysqlCommand {}

    /** SET [GLOBAL|SESSION] var = value, ... ({@code value} is null for DEFAULT). */
    record SetVariables(List<VariableAssignment> assignments) implements MysqlCommand {
        public SetVariables {
            assignments = List.copyOf(assignments);
        }
    }

    sealed interface VariableAssignment {}

    /** A system variable's new value: {@code value} is null for DEFAULT. */
    record Assignment(String name, boolean global, Expr value) implements VariableAssignment {}

    /** NAMES charset [COLLATE collation] inside a SET list (SET autocommit = 1, NAMES utf8mb4). */
    record NamesAssignment(String charset, String collation) implements VariableAssignment {}

    /** SET @name = expression: the user variable keeps the value the expression has now. */
    record UserAssignment(String name, Expr value) implements VariableAssignment {}

    /** SET NAMES charset [COLLATE collation]; SET CHARACTER SET has a null collation. */
    record SetNames(String charset, String collation) implements MysqlCommand {}

    /**
     * REPLACE INTO ... VALUES / SET: {@code insert} holds the rows (no conflict clause). As in MySQL,
     * each row first deletes the rows it conflicts with on any unique key, then is inserted.
     */
    record Replace(DataChange.Insert insert) implements MysqlCommand {}

    /** LOCK TABLES t READ | WRITE, ...: READ and WRITE both keep other sessions' writes out. */
    record LockTables(List<TableLock> tables) implements MysqlCommand {
        public LockTables {
            tables = List.copyOf(tables);
        }
    }

    /** One table of LOCK TABLES; a READ lock ({@code write} false) also keeps the locking session from writing it. */
    record TableLock(QualifiedName table, boolean write) {}

    record UnlockTables() implements MysqlCommand {}

    /** The AUTO_INCREMENT=n table option: the next generated value is n (nothing when the table has no such column). */
    record SetAutoIncrement(QualifiedName table, long next) implements MysqlCommand {}

    /** ALTER TABLE with only options that change nothing here (ENGINE=, DISABLE KEYS): the table must exist. */
    record NoChange(QualifiedName table) implements MysqlCommand {}

    /**
     * LOAD DATA [LOCAL] INFILE: {@code copy} is the COPY FROM its options translate to; with
     * {@code local} the client sends the file named {@code fileName}. {@code skipLines} (IGNORE n
     * LINES) and {@code linesStartingBy} (empty for none) are applied to the file's lines before COPY
     * reads them.
     */
    record LoadData(Copy copy, String fileName, boolean local, long skipLines, String linesStartingBy)
            implements MysqlCommand {}

    /**
     * SELECT SQL_CALC_FOUND_ROWS: the query's rows as usual, then {@code countAll} (the same query
     * without its LIMIT, counted), whose answer FOUND_ROWS() gives next.
     */
    record CalcFoundRows(Query query, Query countAll) implements MysqlCommand {}

    /** ANALYZE TABLE t, ...: each table analyzed on its own, each answering a row of MySQL's result. */
    record AnalyzeTables(List<QualifiedName> tables) implements MysqlCommand {
        public AnalyzeTables {
            tables = List.copyOf(tables);
        }
    }

    /** KILL [CONNECTION | QUERY] id. */
    record Kill(long connectionId, boolean queryOnly) implements MysqlCommand {}

    /** SHOW DATABASES [LIKE pattern]. */
    record ShowDatabases(String like) implements MysqlCommand {}

    /** SHOW [FULL] TABLES [FROM db] [LIKE pattern]; a null database means the current one. */
    record ShowTables(String database, boolean full, String like) implements MysqlCommand {}

    /** SHOW [FULL] COLUMNS FROM table [FROM db] [LIKE pattern], and DESCRIBE table. */
    record ShowColumns(QualifiedName table, boolean full, String like) implements MysqlCommand {}

    record ShowIndex(QualifiedName table) implements MysqlCommand {}

    /** SHOW CREATE TABLE or SHOW CREATE VIEW: a view answers in the view layout either way, as in MySQL. */
    record ShowCreateTable(QualifiedName table) implements MysqlCommand {}

    record ShowTriggers() implements MysqlCommand {}

    /** SHOW TABLE STATUS [FROM db] [LIKE pattern]; a null database means the current one. */
    record ShowTableStatus(String database, String like) implements MysqlCommand {}

    record ShowCreateDatabase(String name) implements MysqlCommand {}

    /** SHOW [GLOBAL|SESSION] VARIABLES [LIKE pattern]. */
    record ShowVariables(boolean global, String like) implements MysqlCommand {}

    /** The commands of a CREATE TABLE IF NOT EXISTS, run only when the table does not exist (else a note, as in MySQL). */
    record UnlessTableExists(QualifiedName table, List<MysqlCommand> commands) implements MysqlCommand {
        public UnlessTableExists {
            commands = List.copyOf(commands);
        }
    }

    /** CREATE [TEMPORARY] TABLE [IF NOT EXISTS] table LIKE source: an empty table defined as source is. */
    record CreateTableLike(QualifiedName table, QualifiedName source, boolean ifNotExists, boolean temporary)
            implements MysqlCommand {}

    /** A SHOW with WHERE: the rows of {@code show} for which {@code condition} (naming its columns) holds. */
    record ShowWhere(MysqlCommand show, Expr condition) implements MysqlCommand {}

    /** SHOW [GLOBAL | SESSION] STATUS [LIKE 'pattern']: the server's counters. */
    record ShowStatus(String like) implements MysqlCommand {}

    /** SHOW WARNINGS / SHOW ERRORS. */
    record ShowWarnings(boolean errorsOnly) implements MysqlCommand {}

    record ShowCharacterSets(String like) implements MysqlCommand {}

    record ShowCollations(String like) implements MysqlCommand {}

    record ShowEngines() implements MysqlCommand {}

    record ShowProcessList() implements MysqlCommand {}
}
