package io.weftdb.server.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLAlchemy's PostgreSQL dialect (psycopg2 underneath): the ORM creating its tables, writing and
 * reading with bound parameters, committing and rolling back, reporting a duplicate key; and
 * reflecting a schema through {@code inspect()}, whose catalog queries read pg_index's int2vector
 * columns as text, call generate_subscripts and pg_get_indexdef, and join pg_constraint. Runs the
 * system's /usr/bin/python3 (Debian's python3-sqlalchemy); skipped when the module is missing.
 */
class SqlAlchemyReflectionTest {
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    static Path directory;
    private static ServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        assumeTrue(ExternalClient.find(PYTHON).isPresent(), PYTHON + " is missing: skipping the SQLAlchemy tests");
        ExternalClient.Run probe = ExternalClient.run(List.of(PYTHON, "-c", "import sqlalchemy, psycopg2"), directory, Map.of());
        assumeTrue(probe.exitCode() == 0, "SQLAlchemy or psycopg2 is not installed for " + PYTHON
                + " (Debian packages python3-sqlalchemy, python3-psycopg2): skipping the SQLAlchemy tests");
        server = ServerProcess.start(directory.resolve("data"), null);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void inspectReflectsTablesColumnsKeysIndexesAndViews(@TempDir Path work) throws Exception {
        Files.writeString(work.resolve("reflect.py"), """
                import sys
                import sqlalchemy as sa

                engine = sa.create_engine("postgresql+psycopg2://app@127.0.0.1:%s/postgres" % sys.argv[1])
                with engine.begin() as connection:
                    connection.execute(sa.text(
                        "CREATE TABLE parent (id int PRIMARY KEY, name text UNIQUE NOT NULL)"))
                    connection.execute(sa.text(
                        "CREATE TABLE child (id serial PRIMARY KEY, parent_id int REFERENCES parent (id),"
                        " amount numeric(10,2) DEFAULT 0 CHECK (amount >= 0), note varchar(20))"))
                    connection.execute(sa.text("CREATE INDEX child_amount ON child (amount DESC, parent_id)"))
                    connection.execute(sa.text("CREATE VIEW parent_names AS SELECT name FROM parent"))
                inspector = sa.inspect(engine)
                print("tables", sorted(inspector.get_table_names()))
                print("views", inspector.get_view_names())
                print("columns", [(c["name"], str(c["type"]), c["nullable"], c["default"])
                                  for c in inspector.get_columns("child")])
                print("pk", inspector.get_pk_constraint("child"))
                print("fk", [(f["constrained_columns"], f["referred_table"], f["referred_columns"])
                             for f in inspector.get_foreign_keys("child")])
                print("indexes", [(i["name"], i["column_names"], i["unique"], i.get("column_sorting"))
                                  for i in inspector.get_indexes("child")])
                print("unique", inspector.get_unique_constraints("parent"))
                print("checks", inspector.get_check_constraints("child"))
                reflected = sa.Table("child", sa.MetaData(), autoload_with=engine)
                print("autoload", [column.name for column in reflected.columns], [c.name for c in reflected.primary_key])
                """, StandardCharsets.UTF_8);

        ExternalClient.Run run = ExternalClient.run(List.of(PYTHON, "reflect.py", Integer.toString(server.port())), work,
                Map.of("PYTHONIOENCODING", "utf-8"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output().lines()).containsExactly(
                "tables ['child', 'parent']",
                "views ['parent_names']",
                "columns [('id', 'INTEGER', False, \"nextval('child_id_seq'::regclass)\"), "
                        + "('parent_id', 'INTEGER', True, None), ('amount', 'NUMERIC(10, 2)', True, '0'), "
                        + "('note', 'VARCHAR(20)', True, None)]",
                "pk {'constrained_columns': ['id'], 'name': 'child_pkey'}",
                "fk [(['parent_id'], 'parent', ['id'])]",
                "indexes [('child_amount', ['amount', 'parent_id'], False, {'amount': ('desc',)})]",
                "unique [{'name': 'parent_name_key', 'column_names': ['name']}]",
                "checks [{'name': 'child_amount_check', 'sqltext': 'amount >= 0'}]",
                "autoload ['id', 'parent_id', 'amount', 'note'] ['id']");
    }

    @Test
    void theOrmRoundTripsInTransactionsAndReportsErrors(@TempDir Path work) throws Exception {
        try (var source = SqlAlchemyReflectionTest.class.getResourceAsStream("/io/weftdb/server/sqlalchemy_orm.py")) {
            Files.copy(source, work.resolve("orm.py"));
        }

        ExternalClient.Run run = ExternalClient.run(List.of(PYTHON, "orm.py",
                "postgresql+psycopg2://app@127.0.0.1:" + server.port() + "/postgres"), work,
                Map.of("PYTHONIOENCODING", "utf-8"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output().lines()).containsExactly(
                "ids 1 [1, 2]",
                "books [('Notes', '15.00', 'Ada'), ('Sketches', 'None', 'Ada')]",
                "duplicate 23505",
                "done");
    }
}
