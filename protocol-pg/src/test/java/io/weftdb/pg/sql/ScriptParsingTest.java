package io.weftdb.pg.sql;

import io.weftdb.ir.parse.ParsedStatement;
import static io.weftdb.pg.sql.ExpectedIr.integer;
import static io.weftdb.pg.sql.ExpectedIr.item;
import static io.weftdb.pg.sql.ExpectedIr.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.ir.stmt.SessionCommand;
import io.weftdb.ir.stmt.TransactionControl;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Scripts of several statements: their texts, offsets and positions. */
final class ScriptParsingTest {
    private final PostgresSqlParser parser = new PostgresSqlParser();

    @Test
    void statementsKeepTheirOwnTextAndOffsetsAndPositionsCountFromTheScript() {
        String script = "  BEGIN ;;\n-- comment\nSELECT 1 ;  SET x = 2;\n";
        assertThat(parser.parse(script)).containsExactly(
                new ParsedStatement(new TransactionControl.Begin(null, null), "BEGIN", 2),
                new ParsedStatement(select(List.of(item(integer(1, 30))), List.of()), "SELECT 1", 22),
                new ParsedStatement(new SessionCommand.SetVariable("x", List.of(integer(2, 43)), false), "SET x = 2", 34));
    }

    @Test
    void emptyScriptsHaveNoStatements() {
        assertThat(parser.parse("")).isEmpty();
        assertThat(parser.parse(" ; ;\n-- nothing\n/* at all */")).isEmpty();
    }

    @Test
    void statementTextSpansCommentsInsideIt() {
        assertThat(parser.parse("SELECT /* one */ 1; SELECT 2").getFirst().text()).isEqualTo("SELECT /* one */ 1");
    }

    @Test
    void parsingFromManyThreadsAtOnceGivesTheSameResults() throws Exception {
        List<String> statements = List.of(
                "SELECT a, b FROM t WHERE a = $1 AND b IN (1, 2, 3) ORDER BY a DESC LIMIT 10",
                "INSERT INTO t (a, b) VALUES (1, 'x') ON CONFLICT (a) DO UPDATE SET b = excluded.b",
                "WITH r AS (SELECT 1) SELECT * FROM r JOIN s USING (id) UNION SELECT 2, 3",
                "CREATE TABLE u (id serial PRIMARY KEY, name text NOT NULL DEFAULT 'n')");
        List<Object> expected = new ArrayList<>();
        statements.forEach(sql -> expected.add(parser.parseOne(sql)));
        try (ExecutorService executor = Executors.newFixedThreadPool(8)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 64; task++) {
                int index = task % statements.size();
                results.add(executor.submit(() -> parser.parseOne(statements.get(index)).equals(expected.get(index))));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        }
    }
}
