package io.weftdb.server.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLAlchemy's MySQL dialect over PyMySQL (Debian's python3-sqlalchemy and python3-pymysql)
 * against {@code weftdb serve}: the ORM creates its tables, inserts and queries with bound
 * parameters, updates in a transaction and rolls one back, reflects the schema with
 * {@code inspect()}, reports a duplicate key as IntegrityError 1062, and disconnects. Skipped with
 * a message when /usr/bin/python3 cannot import them.
 */
class SqlAlchemyMysqlTest {
    private static final String TOKEN = "sa-token";
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    static Path directory;
    private static WeftdbServe server;

    @BeforeAll
    static void startServer() throws Exception {
        assumeTrue(ClientProgram.find(PYTHON).isPresent()
                        && ClientProgram.run(List.of(PYTHON, "-c", "import sqlalchemy, pymysql"), directory, null).exitCode() == 0,
                "/usr/bin/python3 cannot import sqlalchemy and pymysql (apt-get install python3-sqlalchemy python3-pymysql):"
                        + " skipping the SQLAlchemy MySQL tests");
        server = WeftdbServe.start(directory.resolve("data"), TOKEN);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theOrmRoundTripsInTransactionsAndInspectReflectsTheSchema(@TempDir Path work) throws Exception {
        Path script = work.resolve("sqlalchemy_orm.py");
        try (var source = SqlAlchemyMysqlTest.class.getResourceAsStream("/io/weftdb/server/sqlalchemy_orm.py")) {
            Files.copy(source, script);
        }
        String url = "mysql+pymysql://app:%s@127.0.0.1:%s/public?charset=utf8mb4".formatted(TOKEN, server.mysqlPort());

        ClientProgram.Run run = ClientProgram.run(List.of(PYTHON, script.toString(), url, "inspect"), work, null);

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.output().lines()).containsExactly(
                "ids 1 [1, 2]",
                "books [('Notes', '15.00', 'Ada'), ('Sketches', 'None', 'Ada')]",
                "duplicate 1062",
                "tables ['authors', 'books']",
                "columns [('id', 'INTEGER', False), ('author_id', 'INTEGER', False), ('title', 'VARCHAR(100)', False), "
                        + "('price', 'DECIMAL(8, 2)', True)]",
                "pk ['id']",
                "fk [(['author_id'], 'authors', ['id'])]",
                "unique [['name']]",
                "done");
    }
}
