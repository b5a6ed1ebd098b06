package io.weftdb.server.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * node-postgres (npm {@code pg}, a pure JavaScript client) against {@code weftdb serve}: a verified
 * TLS connection, SCRAM with channel binding, and named prepared statements run several times.
 * The package is installed under target/node-clients (scripts/test does it up front); the test
 * is skipped when node is missing or npm cannot install it, e.g. offline.
 */
class NodePostgresClientTest {
    private static final String TOKEN = "node-token";
    private static final Path CLIENTS = Path.of("target", "node-clients").toAbsolutePath();

    @TempDir
    static Path directory;
    private static ServerProcess server;
    private static Path node;

    @BeforeAll
    static void startServer() throws Exception {
        Optional<Path> found = ExternalClient.find("node");
        assumeTrue(found.isPresent(), "node is not installed: skipping the node-postgres tests");
        node = found.get();
        assumeTrue(installPg(), "npm could not install pg into " + CLIENTS + " (offline?): skipping the node-postgres tests");
        server = ServerProcess.start(directory.resolve("data"), TOKEN);
    }

    private static boolean installPg() throws Exception {
        if (Files.exists(CLIENTS.resolve("node_modules/pg/package.json"))) {
            return true;
        }
        Optional<Path> npm = ExternalClient.find("npm");
        if (npm.isEmpty()) {
            return false;
        }
        Files.createDirectories(CLIENTS);
        ExternalClient.Run install = ExternalClient.run(List.of(npm.get().toString(), "install", "--no-audit", "--no-fund",
                "--no-save", "--prefix", CLIENTS.toString(), "pg@8"), CLIENTS, Map.of());
        return install.exitCode() == 0 && Files.exists(CLIENTS.resolve("node_modules/pg/package.json"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void preparedStatementsRunOverAVerifiedTlsConnection(@TempDir Path work) throws Exception {
        Files.writeString(work.resolve("client.js"), """
                const fs = require('fs');
                const { Client } = require('pg');
                const [port, password, certificate] = process.argv.slice(2);
                (async () => {
                  const client = new Client({ host: 'localhost', port: Number(port), user: 'alice', database: 'postgres',
                    password, enableChannelBinding: true, ssl: { ca: fs.readFileSync(certificate) } });
                  await client.connect();
                  await client.query('CREATE TABLE books (id int PRIMARY KEY, title text, pages int, published date)');
                  const insert = { name: 'insert-book', text: 'INSERT INTO books VALUES ($1, $2, $3, $4)' };
                  await client.query({ ...insert, values: [1, 'Dune', 412, '1965-08-01'] });
                  await client.query({ ...insert, values: [2, 'Emma', null, '1815-12-23'] });
                  const byId = { name: 'book-by-id', text: 'SELECT title, pages, published::text AS published FROM books WHERE id = $1' };
                  for (const id of [1, 2, 3]) {
                    const result = await client.query({ ...byId, values: [id] });
                    console.log('book', id, JSON.stringify(result.rows));
                  }
                  const count = await client.query('SELECT count(*)::int AS n, sum(pages) AS pages FROM books');
                  console.log('count', JSON.stringify(count.rows[0]));
                  try {
                    await client.query({ name: 'bad', text: 'SELECT nosuchcolumn FROM books WHERE id = $1', values: [1] });
                  } catch (e) {
                    console.log('error', e.code, e.message);
                  }
                  const after = await client.query({ ...byId, values: [1] });
                  console.log('after error', after.rows[0].title);
                  await client.end();
                })().catch(e => { console.log('failed', e.stack); process.exit(1); });
                """, StandardCharsets.UTF_8);

        ExternalClient.Run run = ExternalClient.run(List.of(node.toString(), "client.js", Integer.toString(server.port()), TOKEN,
                server.generatedCertificate().toString()), work, Map.of("NODE_PATH", CLIENTS.resolve("node_modules").toString()));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output().lines()).containsExactly(
                "book 1 [{\"title\":\"Dune\",\"pages\":412,\"published\":\"1965-08-01\"}]",
                "book 2 [{\"title\":\"Emma\",\"pages\":null,\"published\":\"1815-12-23\"}]",
                "book 3 []",
                "count {\"n\":2,\"pages\":\"412\"}",
                "error 42703 column \"nosuchcolumn\" does not exist",
                "after error Dune");
    }

    @Test
    void transactionsRollBackAndCommitAndResultsDescribeTheirColumns(@TempDir Path work) throws Exception {
        Files.writeString(work.resolve("tx.js"), """
                const { Client } = require('pg');
                (async () => {
                  const client = new Client({ host: '127.0.0.1', port: Number(process.argv[2]), user: 'alice',
                    database: 'postgres', password: process.argv[3], ssl: { rejectUnauthorized: false } });
                  await client.connect();
                  await client.query('CREATE TABLE accounts (id int PRIMARY KEY, owner text NOT NULL, balance numeric(10,2))');
                  await client.query('INSERT INTO accounts VALUES ($1, $2, $3), ($4, $5, $6)', [1, 'ann', '100.00', 2, 'bob', '50']);
                  await client.query('BEGIN');
                  await client.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [30, 1]);
                  await client.query('ROLLBACK');
                  await client.query('BEGIN');
                  await client.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [30, 1]);
                  await client.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [30, 2]);
                  await client.query('COMMIT');
                  const result = await client.query('SELECT id, owner, balance FROM accounts ORDER BY id');
                  console.log('rows', JSON.stringify(result.rows));
                  console.log('fields', result.fields.map(f => f.name + ':' + f.dataTypeID).join(' '));
                  const columns = await client.query("SELECT column_name, data_type, is_nullable FROM information_schema.columns"
                    + " WHERE table_name = $1 ORDER BY ordinal_position", ['accounts']);
                  console.log('columns', columns.rows.map(c => Object.values(c).join(' ')).join(', '));
                  await client.end();
                  console.log('ended');
                })().catch(e => { console.log('failed', e.stack); process.exit(1); });
                """, StandardCharsets.UTF_8);

        ExternalClient.Run run = ExternalClient.run(List.of(node.toString(), "tx.js", Integer.toString(server.port()), TOKEN),
                work, Map.of("NODE_PATH", CLIENTS.resolve("node_modules").toString()));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output().lines()).containsExactly(
                "rows [{\"id\":1,\"owner\":\"ann\",\"balance\":\"70.00\"},{\"id\":2,\"owner\":\"bob\",\"balance\":\"80.00\"}]",
                "fields id:23 owner:25 balance:1700",
                "columns id integer NO, owner text NO, balance numeric YES",
                "ended");
    }

    @Test
    void aWrongPasswordIsRejectedWith28P01(@TempDir Path work) throws Exception {
        Files.writeString(work.resolve("wrong.js"), """
                const { Client } = require('pg');
                const client = new Client({ host: '127.0.0.1', port: Number(process.argv[2]), user: 'alice',
                  database: 'postgres', password: 'wrong', ssl: { rejectUnauthorized: false } });
                client.connect().then(() => console.log('connected'), e => console.log('refused', e.code, e.message));
                """, StandardCharsets.UTF_8);

        ExternalClient.Run run = ExternalClient.run(List.of(node.toString(), "wrong.js", Integer.toString(server.port())), work,
                Map.of("NODE_PATH", CLIENTS.resolve("node_modules").toString()));

        assertThat(run.output().strip()).isEqualTo("refused 28P01 password authentication failed for user \"alice\"");
    }
}
