package io.weftdb.server.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mysql2 (npm, a pure JavaScript client) against {@code weftdb serve} with a token: server-side
 * prepared statements (execute) run several times with different parameters, and plain queries.
 * The package is installed under target/node-clients (scripts/test does it up front); skipped with
 * a message when node is missing or npm cannot install it, e.g. offline.
 */
class Mysql2ClientTest {
    private static final String TOKEN = "node-token";
    private static final Path CLIENTS = Path.of("target", "node-clients").toAbsolutePath();

    @TempDir
    static Path directory;
    private static WeftdbServe server;
    private static Path node;

    @BeforeAll
    static void startServer() throws Exception {
        Optional<Path> found = ClientProgram.find("node");
        assumeTrue(found.isPresent(), "node is not installed: skipping the mysql2 tests");
        node = found.get();
        assumeTrue(installMysql2(), "npm could not install mysql2 into " + CLIENTS + " (offline?): skipping the mysql2 tests");
        server = WeftdbServe.start(directory.resolve("data"), TOKEN);
    }

    private static boolean installMysql2() throws Exception {
        if (Files.exists(CLIENTS.resolve("node_modules/mysql2/package.json"))) {
            return true;
        }
        Optional<Path> npm = ClientProgram.find("npm");
        if (npm.isEmpty()) {
            return false;
        }
        Files.createDirectories(CLIENTS);
        ClientProgram.Run install = ClientProgram.run(List.of(npm.get().toString(), "install", "--no-audit", "--no-fund",
                "--no-save", "--prefix", CLIENTS.toString(), "mysql2@3"), CLIENTS, null);
        return install.exitCode() == 0 && Files.exists(CLIENTS.resolve("node_modules/mysql2/package.json"));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static String node(String body) throws Exception {
        String script = """
                const mysql = require(%s);
                (async () => {
                  const conn = await mysql.createConnection({host: '127.0.0.1', port: %d, user: 'node', password: '%s',
                    database: 'public', ssl: {rejectUnauthorized: false}});
                  try {
                """.formatted(jsString(CLIENTS.resolve("node_modules/mysql2/promise").toString()), server.mysqlPort(), TOKEN)
                + body + """
                  } finally {
                    await conn.end();
                  }
                })().catch(e => { console.error(e); process.exit(1); });
                """;
        Path file = Files.createTempFile(directory, "client-", ".js");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        ClientProgram.Run run = ClientProgram.run(List.of(node.toString(), file.toString()), directory, null);
        assertThat(run.exitCode()).as(run.all()).isZero();
        return run.output();
    }

    private static String jsString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Test
    void preparedStatementsRunAgainWithNewParameters() throws Exception {
        String output = node("""
                    await conn.query('CREATE TABLE node_items (id INT PRIMARY KEY, name VARCHAR(40), price DECIMAL(8,2),'
                      + ' at DATETIME, flag TINYINT(1))');
                    for (const [id, name, price, flag] of [[1, 'one', '1.50', 1], [2, 'two ünï', '-2.25', 0], [3, null, null, 1]]) {
                      const [result] = await conn.execute('INSERT INTO node_items VALUES (?, ?, ?, ?, ?)',
                        [id, name, price, new Date(Date.UTC(2024, 0, id, 8, 30)), flag]);
                      console.log('inserted', result.affectedRows);
                    }
                    for (const id of [1, 2, 3]) {
                      const [rows] = await conn.execute('SELECT id, name, price FROM node_items WHERE id = ?', [id]);
                      console.log(JSON.stringify(rows));
                    }
                    const [flagged] = await conn.execute('SELECT COUNT(*) AS n FROM node_items WHERE flag AND id > ?', [0]);
                    console.log('flagged', flagged[0].n);
                    const [updated] = await conn.execute('UPDATE node_items SET price = price * ? WHERE id <= ?', [2, 2]);
                    console.log('updated', updated.affectedRows);
                    try {
                      await conn.execute('INSERT INTO node_items (id) VALUES (?)', [1]);
                    } catch (e) {
                      console.log('error', e.errno, e.sqlState);
                    }
                """);
        assertThat(output).contains("inserted 1\ninserted 1\ninserted 1",
                "[{\"id\":1,\"name\":\"one\",\"price\":\"1.50\"}]",
                "[{\"id\":2,\"name\":\"two ünï\",\"price\":\"-2.25\"}]",
                "[{\"id\":3,\"name\":null,\"price\":null}]",
                "flagged 2", "updated 2", "error 1062 23000");
    }

    @Test
    void transactionsRollBackAndCommitAndTheSchemaIsIntrospected() throws Exception {
        String output = node("""
                    await conn.query('CREATE TABLE node_accounts (id INT PRIMARY KEY, owner VARCHAR(20) NOT NULL, balance INT)');
                    await conn.execute('INSERT INTO node_accounts VALUES (?, ?, ?), (?, ?, ?)', [1, 'ann', 100, 2, 'bob', 50]);
                    await conn.beginTransaction();
                    await conn.execute('UPDATE node_accounts SET balance = balance - ? WHERE id = ?', [30, 1]);
                    await conn.rollback();
                    await conn.beginTransaction();
                    await conn.execute('UPDATE node_accounts SET balance = balance - ? WHERE id = ?', [30, 1]);
                    await conn.execute('UPDATE node_accounts SET balance = balance + ? WHERE id = ?', [30, 2]);
                    await conn.commit();
                    const [rows, fields] = await conn.execute('SELECT id, owner, balance FROM node_accounts ORDER BY id');
                    console.log('rows', JSON.stringify(rows));
                    console.log('fields', fields.map(f => f.name + ':' + f.columnType).join(' '));
                    const [columns] = await conn.query('SHOW COLUMNS FROM node_accounts');
                    console.log('columns', columns.map(c => c.Field + ' ' + c.Type + ' ' + c.Null + ' ' + c.Key).join(', '));
                    const [tables] = await conn.query(
                      "SELECT table_name AS t FROM information_schema.tables WHERE table_name LIKE 'node_acc%'");
                    console.log('tables', tables.map(t => t.t).join(','));
                """);
        assertThat(output).contains("rows [{\"id\":1,\"owner\":\"ann\",\"balance\":70},{\"id\":2,\"owner\":\"bob\",\"balance\":80}]",
                "fields id:3 owner:253 balance:3",
                "columns id int NO PRI, owner varchar(20) NO , balance int YES ",
                "tables node_accounts");
    }
}
