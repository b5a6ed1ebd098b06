package io.weftdb.server.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog queries DBeaver's PostgreSQL plugin sends, as its sources build them, through pgjdbc
 * with their parameters bound as DBeaver binds them: connecting (version, settings, database,
 * types, enums, schemas, roles), listing a schema's tables with their sizes, and opening a table
 * (columns, constraints, indexes). The GUI itself is not driven here; these are the statements
 * that make its navigator work.
 */
class DbeaverQueriesTest {
    @TempDir
    static Path directory;
    private static ServerProcess server;

    @BeforeAll
    static void startServerWithSchema() throws Exception {
        server = ServerProcess.start(directory.resolve("data"), null);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE owner (id int PRIMARY KEY, name text NOT NULL);
                    CREATE TABLE t (id serial PRIMARY KEY, owner_id int REFERENCES owner (id),
                        amount numeric(10,2) DEFAULT 0 CHECK (amount >= 0), note varchar(20));
                    CREATE INDEX t_amount ON t (amount DESC);
                    CREATE VIEW t_view AS SELECT id, note FROM t;
                    COMMENT ON TABLE t IS 'the table DBeaver opens';
                    COMMENT ON COLUMN t.note IS 'free text'
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
        properties.setProperty("user", "postgres");
        properties.setProperty("sslmode", "disable");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres", properties);
    }

    /** Runs {@code sql} with the parameters bound (Long as int8, String as varchar) and returns one column per row. */
    private static List<String> column(Connection connection, String sql, String column, Object... parameters)
            throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Long number) {
                    statement.setLong(i + 1, number);
                } else {
                    statement.setString(i + 1, (String) parameters[i]);
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(column));
                }
            }
        }
        return values;
    }

    private static long oid(Connection connection, String sql) throws SQLException {
        return Long.parseLong(column(connection, sql, "oid").getFirst());
    }

    @Test
    void connectingReadsVersionSettingsDatabaseTypesAndSchemas() throws Exception {
        try (Connection connection = connect()) {
            assertThat(column(connection, "SELECT current_schema(),session_user", "session_user")).containsExactly("postgres");
            assertThat(column(connection, "SHOW search_path", "search_path")).containsExactly("\"$user\", public");
            assertThat(column(connection, "SELECT db.oid,db.* FROM pg_catalog.pg_database db WHERE datname=?", "datname",
                    "postgres")).containsExactly("postgres");
            assertThat(column(connection, "SELECT db.oid,db.* FROM pg_catalog.pg_database db WHERE 1 = 1 AND datallowconn"
                    + " AND NOT datistemplate OR db.datname =?\nORDER BY db.datname", "datname", "postgres")).contains("postgres");
            assertThat(column(connection, "select * from pg_catalog.pg_settings where name=?", "setting",
                    "standard_conforming_strings")).containsExactly("on");
            assertThat(column(connection, "SELECT version()", "version").getFirst()).startsWith("PostgreSQL ");
            assertThat(column(connection, "SELECT * FROM pg_catalog.pg_enum WHERE 1<>1 LIMIT 1", "enumlabel")).isEmpty();
            assertThat(column(connection, "SELECT reltype FROM pg_catalog.pg_class WHERE 1<>1 LIMIT 1", "reltype")).isEmpty();
            assertThat(column(connection, """
                    SELECT t.oid,t.*,c.relkind,format_type(nullif(t.typbasetype, 0), t.typtypmod) as base_type_name, d.description
                    FROM pg_catalog.pg_type t
                    LEFT OUTER JOIN pg_catalog.pg_type et ON et.oid=t.typelem\s
                    LEFT OUTER JOIN pg_catalog.pg_class c ON c.oid=t.typrelid
                    LEFT OUTER JOIN pg_catalog.pg_description d ON t.oid=d.objoid
                    WHERE t.typname IS NOT NULL
                    AND (c.relkind IS NULL OR c.relkind = 'c') AND (et.typcategory IS NULL OR et.typcategory <> 'C')""",
                    "typname")).contains("int4", "text", "numeric", "_int4");
            assertThat(column(connection, "SELECT * FROM pg_catalog.pg_enum", "enumlabel")).isEmpty();
            assertThat(column(connection, """
                    SELECT n.oid,n.*,d.description FROM pg_catalog.pg_namespace n
                    LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid=n.oid AND d.objsubid=0 AND d.classoid='pg_namespace'::regclass
                     ORDER BY nspname""", "nspname")).contains("information_schema", "pg_catalog", "public");
            assertThat(column(connection, """
                    SELECT a.oid,a.*,pd.description FROM pg_catalog.pg_roles a\s
                    left join pg_catalog.pg_shdescription pd on a.oid = pd.objoid
                    ORDER BY a.rolname""", "rolname")).contains("postgres");
        }
    }

    @Test
    void expandingASchemaListsItsTablesViewsAndSequencesWithTheirSizes() throws Exception {
        try (Connection connection = connect()) {
            long publicOid = oid(connection, "SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'public'");
            assertThat(column(connection, """
                    SELECT c.oid,c.*,d.description,pg_catalog.pg_get_expr(c.relpartbound, c.oid) as partition_expr,  pg_catalog.pg_get_partkeydef(c.oid) as partition_key\s
                    FROM pg_catalog.pg_class c
                    LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid=c.oid AND d.objsubid=0 AND d.classoid='pg_class'::regclass
                    WHERE c.relnamespace=? AND c.relkind not in ('i','I','c')""", "relname", publicOid))
                    .containsExactlyInAnyOrder("owner", "t", "t_id_seq", "t_view");
            assertThat(column(connection, """
                    SELECT c.oid,c.*,d.description FROM pg_catalog.pg_class c
                    LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid=c.oid AND d.objsubid=0 AND d.classoid='pg_class'::regclass
                    WHERE c.relnamespace=? AND c.relkind not in ('i','I','c') AND relname=?""", "description", publicOid, "t"))
                    .containsExactly("the table DBeaver opens");
            assertThat(column(connection, """
                    select c.oid,pg_catalog.pg_total_relation_size(c.oid) as total_rel_size,pg_catalog.pg_relation_size(c.oid) as rel_size
                    FROM pg_class c
                    WHERE c.relnamespace=?""", "total_rel_size", publicOid)).isNotEmpty().allMatch(size -> Long.parseLong(size) >= 0);
        }
    }

    @Test
    void openingATableReadsItsColumnsConstraintsAndIndexes() throws Exception {
        try (Connection connection = connect()) {
            long table = oid(connection, "SELECT 't'::regclass::oid AS oid");
            assertThat(column(connection, """
                    SELECT c.relname,a.*,pg_catalog.pg_get_expr(ad.adbin, ad.adrelid, true) as def_value,dsc.description,dep.objid
                    FROM pg_catalog.pg_attribute a
                    INNER JOIN pg_catalog.pg_class c ON (a.attrelid=c.oid)
                    LEFT OUTER JOIN pg_catalog.pg_attrdef ad ON (a.attrelid=ad.adrelid AND a.attnum = ad.adnum)
                    LEFT OUTER JOIN pg_catalog.pg_description dsc ON (c.oid=dsc.objoid AND a.attnum = dsc.objsubid)
                    LEFT OUTER JOIN pg_depend dep on dep.refobjid = a.attrelid AND dep.deptype = 'i' and dep.refobjsubid = a.attnum and dep.classid = dep.refclassid
                    WHERE NOT a.attisdropped AND c.relkind not in ('i','I','c') AND c.oid=?
                    ORDER BY a.attnum""", "attname", table)).containsExactly("id", "owner_id", "amount", "note");
            assertThat(column(connection, """
                    SELECT a.attname,dsc.description FROM pg_catalog.pg_attribute a
                    INNER JOIN pg_catalog.pg_class c ON (a.attrelid=c.oid)
                    LEFT OUTER JOIN pg_catalog.pg_description dsc ON (c.oid=dsc.objoid AND a.attnum = dsc.objsubid)
                    WHERE c.oid=? AND a.attname=?""", "description", table, "note")).containsExactly("free text");
            assertThat(column(connection, """
                    SELECT c.oid,c.*,t.relname as tabrelname,rt.relnamespace as refnamespace,d.description, null as consrc_copy
                    FROM pg_catalog.pg_constraint c
                    INNER JOIN pg_catalog.pg_class t ON t.oid=c.conrelid
                    LEFT OUTER JOIN pg_catalog.pg_class rt ON rt.oid=c.confrelid
                    LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid=c.oid AND d.objsubid=0 AND d.classoid='pg_constraint'::regclass
                    WHERE c.conrelid=?
                    ORDER BY c.oid""", "contype", table)).containsExactlyInAnyOrder("p", "f", "c");
            assertThat(column(connection, """
                    SELECT i.*,i.indkey as keys,c.relname,c.relnamespace,c.relam,c.reltablespace,tc.relname as tabrelname,dsc.description,pg_catalog.pg_get_expr(i.indpred, i.indrelid) as pred_expr,pg_catalog.pg_get_expr(i.indexprs, i.indrelid, true) as expr,pg_catalog.pg_relation_size(i.indexrelid) as index_rel_size,pg_catalog.pg_stat_get_numscans(i.indexrelid) as index_num_scans
                    FROM pg_catalog.pg_index i
                    INNER JOIN pg_catalog.pg_class c ON c.oid=i.indexrelid
                    INNER JOIN pg_catalog.pg_class tc ON tc.oid=i.indrelid
                    LEFT OUTER JOIN pg_catalog.pg_description dsc ON i.indexrelid=dsc.objoid
                    WHERE  i.indrelid=? ORDER BY c.relname""", "relname", table)).containsExactly("t_amount", "t_pkey");
            // Scans are counted: a lookup by primary key goes through t_pkey.
            try (Statement statement = connection.createStatement()) {
                statement.executeQuery("SELECT * FROM t WHERE id = 1").close();
            }
            assertThat(Long.parseLong(column(connection, "SELECT pg_catalog.pg_stat_get_numscans('t_pkey'::regclass) AS n",
                    "n").getFirst())).isPositive();
            assertThat(column(connection, "SELECT am.oid,am.* FROM pg_catalog.pg_am am \nORDER BY am.oid", "amname"))
                    .contains("btree");
            long index = oid(connection, "SELECT 't_amount'::regclass::oid AS oid");
            try (PreparedStatement statement = connection.prepareStatement("select pg_catalog.pg_get_indexdef(?, ?, true)")) {
                statement.setLong(1, index);
                statement.setInt(2, 1);
                try (ResultSet rows = statement.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("amount");
                }
            }
        }
    }
}
