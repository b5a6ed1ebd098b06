package io.weftdb.mysql.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connector/J's default DatabaseMetaData, which reads MySQL's information_schema (TABLES,
 * COLUMNS, STATISTICS, KEY_COLUMN_USAGE, TABLE_CONSTRAINTS, REFERENTIAL_CONSTRAINTS, SCHEMATA),
 * answers as against MySQL 8 for a small schema: an AUTO_INCREMENT BIGINT key, a VARCHAR, a
 * DECIMAL(10,2), a secondary index and a foreign key.
 */
class MysqlInformationSchemaMetadataTest {
    @TempDir
    static Path directory;
    private static EngineFixture fixture;
    private static MysqlServer server;

    @BeforeAll
    static void startServer() throws SQLException {
        fixture = new EngineFixture(directory);
        server = new MysqlServer(fixture.engine(), MysqlServerConfig.defaults(), Optional.empty(), Optional.empty());
        server.start("127.0.0.1", 0);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE customer (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40) NOT NULL,"
                    + " balance DECIMAL(10,2), since DATE, KEY customer_name (name))");
            // MySQL adds an index for a foreign key that has none; declaring it keeps both servers' answers alike.
            statement.execute("CREATE TABLE purchase (id BIGINT AUTO_INCREMENT PRIMARY KEY, customer_id BIGINT NOT NULL,"
                    + " item VARCHAR(20), KEY purchase_customer (customer_id), UNIQUE KEY purchase_item (item, customer_id),"
                    + " CONSTRAINT purchase_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE)");
            statement.execute("CREATE VIEW big_customer AS SELECT id, name FROM customer WHERE balance > 100");
        }
    }

    @AfterAll
    static void stopServer() {
        server.stop();
        fixture.close();
    }

    /** Connector/J as an application gets it: no option, so DatabaseMetaData reads information_schema. */
    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                + "/public?sslMode=DISABLED&allowPublicKeyRetrieval=true", "root", "");
    }

    private static List<String> rows(ResultSet rows, String... columns) throws SQLException {
        List<String> values = new ArrayList<>();
        try (rows) {
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (String column : columns) {
                    row.add(rows.getString(column));
                }
                values.add(String.join(" | ", row));
            }
        }
        return values;
    }

    @Test
    void getTablesListsTablesAndViewsOfTheDatabase() throws SQLException {
        try (Connection connection = connect()) {
            DatabaseMetaData metadata = connection.getMetaData();
            assertThat(rows(metadata.getTables("public", null, "customer", new String[] {"TABLE", "VIEW"}),
                    "TABLE_CAT", "TABLE_NAME", "TABLE_TYPE")).containsExactly("public | customer | TABLE");
            assertThat(rows(metadata.getTables("public", null, "%", new String[] {"VIEW"}), "TABLE_NAME", "TABLE_TYPE"))
                    .containsExactly("big_customer | VIEW");
            assertThat(rows(metadata.getTables("public", null, "%", new String[] {"TABLE"}), "TABLE_NAME"))
                    .containsExactly("customer", "purchase");
        }
    }

    @Test
    void tableAndColumnCommentsAreKeptAndReportedAsMysqlReportsThem() throws SQLException {
        try (Connection connection = connect(); java.sql.Statement statement = connection.createStatement()) {
            // A database of its own, so the other tests' table lists stay as they are.
            statement.execute("CREATE DATABASE notes");
            statement.execute("CREATE TABLE notes.noted (id INT PRIMARY KEY COMMENT 'the id',"
                    + " label VARCHAR(10) COMMENT 'it''s shown') COMMENT='a noted table'");
            statement.execute("ALTER TABLE notes.noted ADD COLUMN extra INT COMMENT 'added later'");
            DatabaseMetaData metadata = connection.getMetaData();
            assertThat(rows(metadata.getTables("notes", null, "noted", new String[] {"TABLE"}), "REMARKS"))
                    .containsExactly("a noted table");
            assertThat(rows(metadata.getColumns("notes", null, "noted", "%"), "COLUMN_NAME", "REMARKS"))
                    .containsExactly("id | the id", "label | it's shown", "extra | added later");
            try (ResultSet create = statement.executeQuery("SHOW CREATE TABLE notes.noted")) {
                assertThat(create.next()).isTrue();
                assertThat(create.getString(2)).contains("`label` varchar(10) DEFAULT NULL COMMENT 'it''s shown'")
                        .endsWith("COMMENT='a noted table'");
            }
            statement.execute("ALTER TABLE notes.noted COMMENT=''");
            assertThat(rows(metadata.getTables("notes", null, "noted", new String[] {"TABLE"}), "REMARKS"))
                    .containsExactly("");
        }
    }

    @Test
    void getColumnsGivesMysqlTypeNamesSizesNullabilityAndAutoIncrement() throws SQLException {
        try (Connection connection = connect();
                ResultSet columns = connection.getMetaData().getColumns("public", null, "customer", "%")) {
            List<String> seen = new ArrayList<>();
            while (columns.next()) {
                seen.add(String.join(" | ", columns.getString("COLUMN_NAME"), columns.getString("TYPE_NAME"),
                        String.valueOf(columns.getInt("DATA_TYPE")), String.valueOf(columns.getInt("COLUMN_SIZE")),
                        columns.getString("DECIMAL_DIGITS"), String.valueOf(columns.getInt("NULLABLE")),
                        columns.getString("IS_AUTOINCREMENT"), String.valueOf(columns.getInt("ORDINAL_POSITION"))));
            }
            assertThat(seen).containsExactly(
                    "id | BIGINT | " + Types.BIGINT + " | 19 | null | " + DatabaseMetaData.columnNoNulls + " | YES | 1",
                    "name | VARCHAR | " + Types.VARCHAR + " | 40 | null | " + DatabaseMetaData.columnNoNulls + " | NO | 2",
                    "balance | DECIMAL | " + Types.DECIMAL + " | 10 | 2 | " + DatabaseMetaData.columnNullable + " | NO | 3",
                    "since | DATE | " + Types.DATE + " | 10 | null | " + DatabaseMetaData.columnNullable + " | NO | 4");
        }
    }

    @Test
    void getPrimaryKeysNamesTheKeyPrimary() throws SQLException {
        try (Connection connection = connect()) {
            assertThat(rows(connection.getMetaData().getPrimaryKeys("public", null, "customer"), "TABLE_CAT", "TABLE_NAME",
                    "COLUMN_NAME", "KEY_SEQ", "PK_NAME")).containsExactly("public | customer | id | 1 | PRIMARY");
        }
    }

    @Test
    void getIndexInfoListsEachIndexColumnInOrder() throws SQLException {
        try (Connection connection = connect()) {
            DatabaseMetaData metadata = connection.getMetaData();
            assertThat(rows(metadata.getIndexInfo("public", null, "purchase", false, false), "NON_UNIQUE", "INDEX_NAME",
                    "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC", "TYPE")).containsExactly(
                    "0 | PRIMARY | 1 | id | A | " + DatabaseMetaData.tableIndexOther,
                    "0 | purchase_item | 1 | item | A | " + DatabaseMetaData.tableIndexOther,
                    "0 | purchase_item | 2 | customer_id | A | " + DatabaseMetaData.tableIndexOther,
                    "1 | purchase_customer | 1 | customer_id | A | " + DatabaseMetaData.tableIndexOther);
            assertThat(rows(metadata.getIndexInfo("public", null, "customer", true, false), "INDEX_NAME", "COLUMN_NAME"))
                    .containsExactly("PRIMARY | id");
        }
    }

    @Test
    void getImportedAndExportedKeysPairTheForeignKeyWithThePrimaryKey() throws SQLException {
        try (Connection connection = connect()) {
            DatabaseMetaData metadata = connection.getMetaData();
            String[] columns = {"PKTABLE_CAT", "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ",
                    "FK_NAME", "PK_NAME", "DELETE_RULE"};
            String expected = "public | customer | id | purchase | customer_id | 1 | purchase_customer_fk | PRIMARY | "
                    + DatabaseMetaData.importedKeyCascade;
            assertThat(rows(metadata.getImportedKeys("public", null, "purchase"), columns)).containsExactly(expected);
            assertThat(rows(metadata.getExportedKeys("public", null, "customer"), columns)).containsExactly(expected);
            assertThat(rows(metadata.getCrossReference("public", null, "customer", "public", null, "purchase"), columns))
                    .containsExactly(expected);
            assertThat(rows(metadata.getImportedKeys("public", null, "customer"), columns)).isEmpty();
        }
    }

    @Test
    void routinesAndPrivilegesAreEmptyWithoutStoredRoutinesOrTableGrants() throws SQLException {
        try (Connection connection = connect()) {
            DatabaseMetaData metadata = connection.getMetaData();
            assertThat(rows(metadata.getProcedures("public", null, "%"), "PROCEDURE_NAME")).isEmpty();
            assertThat(rows(metadata.getFunctions("public", null, "%"), "FUNCTION_NAME")).isEmpty();
            assertThat(rows(metadata.getProcedureColumns("public", null, "%", "%"), "COLUMN_NAME")).isEmpty();
            assertThat(rows(metadata.getTablePrivileges("public", null, "customer"), "PRIVILEGE")).isEmpty();
            assertThat(rows(metadata.getColumnPrivileges("public", null, "customer", "%"), "PRIVILEGE")).isEmpty();
        }
    }

    @Test
    void informationSchemaColumnsShowsMysqlColumnTypesAndKeys() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThat(rows(statement.executeQuery("SELECT column_name, data_type, column_type, column_key, extra,"
                    + " character_maximum_length, numeric_precision, numeric_scale FROM information_schema.columns"
                    + " WHERE table_schema = 'public' AND table_name = 'purchase' ORDER BY ordinal_position"),
                    "column_name", "data_type", "column_type", "column_key", "extra", "character_maximum_length",
                    "numeric_precision", "numeric_scale")).containsExactly(
                    "id | bigint | bigint | PRI | auto_increment | null | 19 | 0",
                    "customer_id | bigint | bigint | MUL |  | null | 19 | 0",
                    "item | varchar | varchar(20) | MUL |  | 20 | null | null");
            assertThat(rows(statement.executeQuery("SELECT column_name, column_type, column_key, character_set_name"
                    + " FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'customer'"
                    + " ORDER BY ordinal_position"), "column_name", "column_type", "column_key", "character_set_name"))
                    .containsExactly("id | bigint | PRI | null", "name | varchar(40) | MUL | utf8mb4",
                            "balance | decimal(10,2) |  | null", "since | date |  | null");
        }
    }

    @Test
    void constraintTablesNameThePrimaryKeyPrimaryAndTheReferencedColumns() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThat(rows(statement.executeQuery("SELECT constraint_name, constraint_type FROM"
                    + " information_schema.table_constraints WHERE table_schema = 'public' AND table_name = 'purchase'"
                    + " ORDER BY constraint_name"), "constraint_name", "constraint_type")).containsExactly(
                    "PRIMARY | PRIMARY KEY", "purchase_customer_fk | FOREIGN KEY", "purchase_item | UNIQUE");
            assertThat(rows(statement.executeQuery("SELECT constraint_name, column_name, referenced_table_schema,"
                    + " referenced_table_name, referenced_column_name FROM information_schema.key_column_usage"
                    + " WHERE table_schema = 'public' AND table_name = 'purchase' AND referenced_table_name IS NOT NULL"),
                    "constraint_name", "column_name", "referenced_table_schema", "referenced_table_name",
                    "referenced_column_name")).containsExactly("purchase_customer_fk | customer_id | public | customer | id");
            assertThat(rows(statement.executeQuery("SELECT constraint_name, unique_constraint_name, update_rule, delete_rule,"
                    + " table_name, referenced_table_name FROM information_schema.referential_constraints"
                    + " WHERE constraint_schema = 'public'"), "constraint_name", "unique_constraint_name", "update_rule",
                    "delete_rule", "table_name", "referenced_table_name"))
                    .containsExactly("purchase_customer_fk | PRIMARY | NO ACTION | CASCADE | purchase | customer");
        }
    }

    @Test
    void statisticsHasOneRowPerIndexColumn() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThat(rows(statement.executeQuery("SELECT index_name, non_unique, seq_in_index, column_name, collation,"
                    + " nullable, index_type FROM information_schema.statistics WHERE table_schema = 'public'"
                    + " AND table_name = 'purchase' ORDER BY index_name, seq_in_index"), "index_name", "non_unique",
                    "seq_in_index", "column_name", "collation", "nullable", "index_type")).containsExactly(
                    "PRIMARY | 0 | 1 | id | A |  | BTREE",
                    "purchase_customer | 1 | 1 | customer_id | A |  | BTREE",
                    "purchase_item | 0 | 1 | item | A | YES | BTREE",
                    "purchase_item | 0 | 2 | customer_id | A |  | BTREE");
        }
    }

    @Test
    void schemataGivesEachDatabaseItsCharacterSetAndCollation() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThat(rows(statement.executeQuery("SELECT catalog_name, default_character_set_name, default_collation_name"
                    + " FROM information_schema.schemata WHERE schema_name = 'public'"), "catalog_name",
                    "default_character_set_name", "default_collation_name"))
                    .containsExactly("def | utf8mb4 | utf8mb4_general_ci");
        }
    }

    @Test
    void havingWithoutGroupingFiltersRowsAndNamesSelectAliases() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThat(rows(statement.executeQuery("SELECT table_name AS t, CASE WHEN table_type = 'BASE TABLE' THEN 'TABLE'"
                    + " ELSE table_type END AS table_type FROM information_schema.tables WHERE table_schema = 'public'"
                    + " HAVING table_type IN ('VIEW') ORDER BY t"), "t", "table_type")).containsExactly("big_customer | VIEW");
            assertThat(rows(statement.executeQuery("SELECT COUNT(*) AS n FROM customer HAVING COUNT(*) = 0"), "n"))
                    .containsExactly("0");
        }
    }

    @Test
    void upperAndLowerFoldTheTextOfNumbers() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThat(rows(statement.executeQuery("SELECT UPPER(10) AS u, LOWER(2.5) AS l, UCASE('a') AS c"), "u", "l", "c"))
                    .containsExactly("10 | 2.5 | A");
        }
    }
}
