package io.weftdb.pg.sql;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Everyday statements must parse in SLL mode alone: the LL fallback re-parses the whole script,
 * so a grammar change that pushes common input into it would double the parsing cost unnoticed.
 */
final class SllPredictionTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT abalance FROM pgbench_accounts WHERE aid = $1",
            "UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2",
            "INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES ($1, $2, $3, $4, CURRENT_TIMESTAMP)",
            "SELECT a.x, count(*) AS n FROM a JOIN b ON a.id = b.id LEFT JOIN c USING (id)"
                    + " WHERE a.y BETWEEN 1 AND 10 AND b.z IN (1, 2) GROUP BY a.x HAVING count(*) > 1"
                    + " ORDER BY n DESC NULLS LAST LIMIT 10 OFFSET 5",
            "SELECT (SELECT max(v) FROM t), EXISTS (SELECT 1 FROM u WHERE u.k = t.k) FROM t",
            "WITH r AS (SELECT 1 AS v) SELECT v FROM r UNION ALL SELECT 2",
            "INSERT INTO t (a, b) VALUES (1, 'x'), (2, DEFAULT) ON CONFLICT (a) DO UPDATE SET b = excluded.b RETURNING *",
            "DELETE FROM t WHERE id = ANY($1)",
            "CREATE TABLE t (id bigserial PRIMARY KEY, name varchar(20) NOT NULL, created timestamptz DEFAULT now())",
            "SELECT CASE WHEN a > 0 THEN 'pos' ELSE 'neg' END, CAST(b AS numeric(10, 2)), c::text FROM t",
            "BEGIN ISOLATION LEVEL REPEATABLE READ",
            "SET search_path = public, \"$user\"",
            "COPY t FROM STDIN WITH (FORMAT csv, HEADER)"})
    void parsesWithoutTheLlFallback(String sql) {
        PostgresSqlGrammar parser = new PostgresSqlGrammar(new CommonTokenStream(
                new PostgresSqlLexer(new SourceText(sql).charStream())));
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        assertThatCode(parser::script).doesNotThrowAnyException();
    }
}
