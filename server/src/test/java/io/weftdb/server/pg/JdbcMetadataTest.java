package io.weftdb.server.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pgjdbc's DatabaseMetaData and hand-written catalog queries against {@code weftdb serve}: the
 * driver reads pg_catalog, so what it reports is what the catalog views compute from the schema.
 */
class JdbcMetadataTest {
    @TempDir
    static Path directory;
    private static ServerProcess server;

    @BeforeAll
    static void startServerWithSchema() throws Exception {
        server = ServerProcess.start(directory.resolve("data"), null);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE customer (id int PRIMARY KEY, name varchar(40) NOT NULL DEFAULT 'anonymous',
                        referrer int REFERENCES customer(id));
                    CREATE INDEX customer_name ON customer (name);
                    CREATE VIEW named_customer AS SELECT id, name FROM customer WHERE name <> 'anonymous';
                    CREATE SEQUENCE invoice_number START 1000;
                    CREATE TABLE orders (id serial PRIMARY KEY, customer_id int REFERENCES customer(id),
                        total numeric(10,2) CHECK (total >= 0), placed timestamptz DEFAULT now())
                    """);
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "alice");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres?sslmode=disable",
                properties);
    }

    /** Each row of {@code result} as its columns' text joined by "|". */
    private static List<String> rows(ResultSet result, String... columns) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (result) {
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (String column : columns) {
                    values.add(result.getString(column));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    private static List<String> query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int width = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= width; i++) {
                    values.add(result.getString(i));
                }
                rows.add(String.join("|", values));
            }
            return rows;
        }
    }

    @Test
    void resultSetMetadataNamesTheBaseTableAndColumnOfEachPlainColumn() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT o.id, c.name AS who, o.total, o.total * 2 AS doubled FROM orders o JOIN customer c ON c.id = o.customer_id")) {
            org.postgresql.PGResultSetMetaData meta = rows.getMetaData().unwrap(org.postgresql.PGResultSetMetaData.class);
            java.sql.ResultSetMetaData standard = rows.getMetaData();
            // pgjdbc reads these from pg_attribute by the table oid and attnum each RowDescription field carries.
            assertThat(List.of(meta.getBaseTableName(1), meta.getBaseColumnName(2), meta.getBaseTableName(2),
                    meta.getBaseTableName(4))).containsExactly("orders", "name", "customer", "");
            assertThat(List.of(standard.isNullable(1), standard.isNullable(2), standard.isNullable(3), standard.isNullable(4)))
                    .containsExactly(java.sql.ResultSetMetaData.columnNoNulls, java.sql.ResultSetMetaData.columnNoNulls,
                            java.sql.ResultSetMetaData.columnNullable, java.sql.ResultSetMetaData.columnNullableUnknown);
            assertThat(List.of(standard.isAutoIncrement(1), standard.isAutoIncrement(3))).containsExactly(true, false);
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM named_customer")) {
            assertThat(rows.getMetaData().unwrap(org.postgresql.PGResultSetMetaData.class).getBaseTableName(1))
                    .isEqualTo("named_customer");
        }
    }

    @Test
    void getTablesListsTheTablesAndViewsOfASchemaByType() throws Exception {
        try (Connection connection = connect()) {
            DatabaseMetaData metadata = connection.getMetaData();

            assertThat(rows(metadata.getTables(null, "public", "%", new String[] {"TABLE", "VIEW"}), "TABLE_CAT",
                    "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE"))
                    .containsExactly("postgres|public|customer|TABLE", "postgres|public|orders|TABLE",
                            "postgres|public|named_customer|VIEW");
            assertThat(rows(metadata.getTables(null, "public", "%", new String[] {"SEQUENCE"}), "TABLE_NAME"))
                    .containsExactly("invoice_number", "orders_id_seq");
            assertThat(rows(metadata.getTables(null, "pg_catalog", "pg_clas%", new String[] {"SYSTEM TABLE"}),
                    "TABLE_NAME", "TABLE_TYPE")).containsExactly("pg_class|SYSTEM TABLE");
        }
    }

    @Test
    void getColumnsReportsTypesSizesNullabilityDefaultsAndPositions() throws Exception {
        try (Connection connection = connect()) {
            ResultSet columns = connection.getMetaData().getColumns(null, "public", "customer", "%");

            assertThat(rows(columns, "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "NULLABLE", "COLUMN_DEF",
                    "ORDINAL_POSITION", "IS_NULLABLE"))
                    .containsExactly("id|" + Types.INTEGER + "|int4|10|0|null|1|NO",
                            "name|" + Types.VARCHAR + "|varchar|40|0|'anonymous'::character varying|2|NO",
                            "referrer|" + Types.INTEGER + "|int4|10|1|null|3|YES");
            assertThat(rows(connection.getMetaData().getColumns(null, "public", "orders", "%"), "COLUMN_NAME",
                    "TYPE_NAME", "COLUMN_SIZE", "DECIMAL_DIGITS", "COLUMN_DEF", "IS_AUTOINCREMENT"))
                    .containsExactly("id|serial|10|0|nextval('orders_id_seq'::regclass)|YES",
                            "customer_id|int4|10|0|null|NO", "total|numeric|10|2|null|NO",
                            "placed|timestamptz|35|6|now()|NO");
        }
    }

    @Test
    void importedAndExportedKeysNameBothEndsOfEachForeignKey() throws Exception {
        try (Connection connection = connect()) {
            DatabaseMetaData metadata = connection.getMetaData();
            String[] columns = {"PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "UPDATE_RULE",
                "DELETE_RULE", "FK_NAME", "PK_NAME", "DEFERRABILITY"};
            String noAction = Integer.toString(DatabaseMetaData.importedKeyNoAction);
            String notDeferrable = Integer.toString(DatabaseMetaData.importedKeyNotDeferrable);

            assertThat(rows(metadata.getImportedKeys(null, "public", "orders"), columns)).containsExactly(
                    "customer|id|orders|customer_id|1|" + noAction + "|" + noAction
                            + "|orders_customer_id_fkey|customer_pkey|" + notDeferrable);
            assertThat(rows(metadata.getExportedKeys(null, "public", "customer"), "FKTABLE_NAME", "FKCOLUMN_NAME", "FK_NAME"))
                    .containsExactly("customer|referrer|customer_referrer_fkey", "orders|customer_id|orders_customer_id_fkey");
        }
    }

    /** pgjdbc reads index keys with information_schema._pg_expandarray and (record).field: answers as PostgreSQL 15's. */
    @Test
    void primaryKeysAndIndexInfoListEachKeyColumnInOrder() throws Exception {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE line (order_id int, line_no int, sku text, PRIMARY KEY (order_id, line_no))");
                statement.execute("CREATE UNIQUE INDEX line_sku ON line (sku DESC)");
                statement.execute("CREATE INDEX line_two ON line (line_no, sku)");
            }
            DatabaseMetaData metadata = connection.getMetaData();

            assertThat(rows(metadata.getPrimaryKeys(null, "public", "line"), "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"))
                    .containsExactly("line|order_id|1|line_pkey", "line|line_no|2|line_pkey");
            assertThat(rows(metadata.getIndexInfo(null, "public", "line", false, false), "INDEX_NAME", "NON_UNIQUE", "TYPE",
                    "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC"))
                    .containsExactly("line_pkey|f|3|1|order_id|A", "line_pkey|f|3|2|line_no|A", "line_sku|f|3|1|sku|D",
                            "line_two|t|3|1|line_no|A", "line_two|t|3|2|sku|A");
            assertThat(rows(metadata.getIndexInfo(null, "public", "line", true, false), "INDEX_NAME"))
                    .containsExactly("line_pkey", "line_pkey", "line_sku");
            connection.rollback();
        }
    }

    @Test
    void getSchemasListsPublicAndTheSystemSchemas() throws Exception {
        try (Connection connection = connect()) {
            assertThat(rows(connection.getMetaData().getSchemas(), "TABLE_SCHEM", "TABLE_CATALOG"))
                    .containsExactly("information_schema|postgres", "pg_catalog|postgres", "public|postgres");
        }
    }

    @Test
    void constraintsIndexesAndDefaultsReadBackAsPostgresqlDefinesThem() throws Exception {
        try (Connection connection = connect()) {
            assertThat(query(connection, """
                    SELECT conname, contype, conrelid::regclass, pg_get_constraintdef(oid) FROM pg_constraint
                    WHERE conrelid = 'orders'::regclass ORDER BY conname"""))
                    .containsExactly("orders_customer_id_fkey|f|orders|FOREIGN KEY (customer_id) REFERENCES customer(id)",
                            "orders_pkey|p|orders|PRIMARY KEY (id)", "orders_total_check|c|orders|CHECK (total >= 0)");
            assertThat(query(connection, "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'customer' ORDER BY 1"))
                    .containsExactly("customer_name|CREATE INDEX customer_name ON public.customer USING btree (name)",
                            "customer_pkey|CREATE UNIQUE INDEX customer_pkey ON public.customer USING btree (id)");
            assertThat(query(connection, """
                    SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid)
                    FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                    WHERE a.attrelid = 'orders'::regclass ORDER BY a.attnum"""))
                    .containsExactly("id|integer|t|nextval('orders_id_seq'::regclass)", "customer_id|integer|f|null",
                            "total|numeric(10,2)|f|null", "placed|timestamp with time zone|f|now()");
            assertThat(query(connection, "SELECT pg_get_serial_sequence('orders', 'id')")).containsExactly("public.orders_id_seq");
        }
    }

    @Test
    void informationSchemaDescribesKeysAndReferences() throws Exception {
        try (Connection connection = connect()) {
            assertThat(query(connection, """
                    SELECT constraint_name, table_name, column_name, ordinal_position, position_in_unique_constraint
                    FROM information_schema.key_column_usage ORDER BY 1"""))
                    .containsExactly("customer_pkey|customer|id|1|null", "customer_referrer_fkey|customer|referrer|1|1",
                            "orders_customer_id_fkey|orders|customer_id|1|1", "orders_pkey|orders|id|1|null");
            assertThat(query(connection, """
                    SELECT constraint_name, unique_constraint_name, update_rule, delete_rule
                    FROM information_schema.referential_constraints ORDER BY 1"""))
                    .containsExactly("customer_referrer_fkey|customer_pkey|NO ACTION|NO ACTION",
                            "orders_customer_id_fkey|customer_pkey|NO ACTION|NO ACTION");
            assertThat(query(connection, """
                    SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
                    FROM information_schema.columns WHERE table_name = 'customer' ORDER BY ordinal_position"""))
                    .containsExactly("id|integer|null|NO|null",
                            "name|character varying|40|NO|'anonymous'::character varying", "referrer|integer|null|YES|null");
        }
    }

    @Test
    void regclassCastsTurnNamesIntoOidsAndOidsIntoNames() throws Exception {
        try (Connection connection = connect()) {
            assertThat(query(connection, """
                    SELECT 'customer'::regclass = c.oid, c.oid::regclass, 'public.customer'::regclass = c.oid
                    FROM pg_class c WHERE c.relname = 'customer'""")).containsExactly("t|customer|t");
            assertThat(query(connection, "SELECT 23::regtype, 1043::regtype, 'pg_catalog'::regnamespace"))
                    .containsExactly("integer|character varying|11");
            assertThatThrownBy(() -> query(connection, "SELECT 'nosuch'::regclass"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("relation \"nosuch\" does not exist")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42P01");
        }
    }

    @Test
    void theCatalogIsTheTransactionsOwnSoUncommittedDdlShowsOnlyInside() throws Exception {
        try (Connection connection = connect(); Connection other = connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE draft (x int)");
            }

            assertThat(query(connection, "SELECT count(*) FROM pg_tables WHERE tablename = 'draft'")).containsExactly("1");
            assertThat(query(other, "SELECT count(*) FROM pg_tables WHERE tablename = 'draft'")).containsExactly("0");
            connection.rollback();
            assertThat(query(connection, "SELECT count(*) FROM pg_tables WHERE tablename = 'draft'")).containsExactly("0");
        }
    }

    @Test
    void pgCatalogIsSearchedFirstUnlessTheSearchPathPlacesIt() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE pg_settings (mine int)");
            try {
                assertThat(query(connection, "SELECT count(*) > 10 FROM pg_settings")).containsExactly("t");
                assertThat(query(connection, "SELECT count(*) FROM public.pg_settings")).containsExactly("0");
                statement.execute("SET search_path = public, pg_catalog");
                assertThat(query(connection, "SELECT count(*) FROM pg_settings")).containsExactly("0");
            } finally {
                statement.execute("DROP TABLE public.pg_settings");
            }
        }
    }

    @Test
    void sessionViewsShowSettingsAndEverySessionOfTheServer() throws Exception {
        try (Connection connection = connect(); Connection other = connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET application_name = 'metadata-test'");

            assertThat(query(connection, "SELECT setting, source FROM pg_settings WHERE name = 'application_name'"))
                    .containsExactly("metadata-test|session");
            assertThat(query(connection, "SELECT current_setting('application_name'), current_setting('nosuch', true)"))
                    .containsExactly("metadata-test|null");
            assertThat(query(connection, """
                    SELECT pid = pg_backend_pid(), state, usename FROM pg_stat_activity
                    WHERE datname = current_database() ORDER BY 1 DESC"""))
                    .hasSizeGreaterThanOrEqualTo(2).startsWith("t|active|alice").contains("f|idle|alice");
        }
    }
}
