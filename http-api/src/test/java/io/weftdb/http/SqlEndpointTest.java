package io.weftdb.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlEndpointTest {
    @TempDir
    Path directory;
    ApiFixture api;

    @BeforeEach
    void start() {
        api = new ApiFixture(directory);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void selectAnswersColumnsRowsCommandTagAndRowCount() {
        JsonNode body = api.ok("SELECT 1 AS a, 'x' AS b UNION ALL SELECT 2, NULL");
        JsonNode result = body.get("results").get(0);
        assertThat(result.get("columns").toString())
                .isEqualTo("[{\"name\":\"a\",\"type\":\"integer\"},{\"name\":\"b\",\"type\":\"text\"}]");
        assertThat(result.get("rows").toString()).isEqualTo("[[1,\"x\"],[2,null]]");
        assertThat(result.get("command").asText()).isEqualTo("SELECT 2");
        assertThat(result.get("rowCount").asLong()).isEqualTo(2);
        assertThat(body.get("elapsedMs").isIntegralNumber()).isTrue();
    }

    @Test
    void severalStatementsAnswerOneResultEach() {
        JsonNode results = api.ok("CREATE TABLE t (id integer PRIMARY KEY, name text); "
                + "INSERT INTO t VALUES (1, 'a'), (2, 'b'); SELECT name FROM t ORDER BY id").get("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("command").asText()).isEqualTo("CREATE TABLE");
        assertThat(results.get(0).get("rowCount").isNull()).isTrue();
        assertThat(results.get(1).get("command").asText()).isEqualTo("INSERT 0 2");
        assertThat(results.get(1).get("rowCount").asLong()).isEqualTo(2);
        assertThat(results.get(2).get("rows").toString()).isEqualTo("[[\"a\"],[\"b\"]]");
    }

    @Test
    void valuesAreJsonThatKeepsEveryDigitAndByte() {
        api.ok("CREATE TABLE v (big bigint, num numeric, raw bytea, at timestamptz, local timestamp, day date, "
                + "flag boolean, ratio double precision, doc jsonb)");
        api.ok("INSERT INTO v VALUES (9007199254740993, 12345678901234567890.000000001, '\\x00ff10', "
                + "'2024-02-29 13:14:15.123456+00', '2024-02-29 13:14:15.5', '2024-02-29', true, 0.1, "
                + "'{\"k\": [1, \"x\"]}')");
        JsonNode row = api.ok("SELECT * FROM v").get("results").get(0).get("rows").get(0);
        assertThat(row.get(0).asText()).isEqualTo("9007199254740993");
        assertThat(row.get(0).isTextual()).isTrue();
        assertThat(row.get(1).asText()).isEqualTo("12345678901234567890.000000001");
        assertThat(row.get(2).asText()).isEqualTo("AP8Q");
        assertThat(row.get(3).asText()).isEqualTo("2024-02-29T13:14:15.123456Z");
        assertThat(row.get(4).asText()).isEqualTo("2024-02-29T13:14:15.5");
        assertThat(row.get(5).asText()).isEqualTo("2024-02-29");
        assertThat(row.get(6).booleanValue()).isTrue();
        assertThat(row.get(7).doubleValue()).isEqualTo(0.1);
        assertThat(row.get(8).toString()).isEqualTo("{\"k\":[1,\"x\"]}");
    }

    @Test
    void parametersBindJsonValuesAndTextParsedAsTheParameterType() {
        api.ok("CREATE TABLE p (big bigint, num numeric, at timestamptz, flag boolean, name text)");
        HttpResponse<String> insert = api.postJson("/v1/sql", "{\"sql\":\"INSERT INTO p VALUES ($1, $2, $3, $4, $5)\","
                + "\"params\":[\"9223372036854775807\", 0.1000000000000000000001, \"2024-01-02T03:04:05Z\", true, null]}");
        assertThat(insert.statusCode()).as(insert.body()).isEqualTo(200);
        JsonNode row = api.ok("SELECT * FROM p").get("results").get(0).get("rows").get(0);
        assertThat(row.toString()).isEqualTo("[\"9223372036854775807\",\"0.1000000000000000000001\","
                + "\"2024-01-02T03:04:05Z\",true,null]");
    }

    @Test
    void syntaxErrorIs400WithSqlstateAndPosition() {
        HttpResponse<String> response = api.sql("SELECT 1;\nSELEC 2");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = ApiFixture.json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("42601");
        assertThat(error.get("message").asText()).contains("SELEC");
        assertThat(error.get("position").asInt()).isEqualTo(11);
    }

    @Test
    void uniqueViolationIs409AndUndefinedTableIs400() {
        api.ok("CREATE TABLE u (id integer PRIMARY KEY)");
        api.ok("INSERT INTO u VALUES (1)");
        HttpResponse<String> duplicate = api.sql("INSERT INTO u VALUES (1)");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(ApiFixture.json(duplicate).at("/error/code").asText()).isEqualTo("23505");
        HttpResponse<String> missing = api.sql("SELECT * FROM nowhere");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(ApiFixture.json(missing).at("/error/code").asText()).isEqualTo("42P01");
    }

    @Test
    void aFailingStatementUndoesEveryStatementOfTheRequest() {
        api.ok("CREATE TABLE r (id integer)");
        HttpResponse<String> response = api.sql("INSERT INTO r VALUES (1); INSERT INTO r VALUES (1 / 0)");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiFixture.json(response).at("/error/code").asText()).isEqualTo("22012");
        assertThat(api.ok("SELECT count(*) FROM r").at("/results/0/rows/0/0").asText()).isEqualTo("0");
    }

    @Test
    void unknownDialectIs400NamingTheAvailableOnes() {
        HttpResponse<String> response = api.postJson("/v1/sql", "{\"sql\":\"SELECT 1\",\"dialect\":\"mysql\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiFixture.json(response).at("/error/message").asText())
                .isEqualTo("SQL dialect \"mysql\" is not available on this server; available: postgres");
    }

    @Test
    void malformedRequestsAre400() {
        assertThat(api.postJson("/v1/sql", "{\"sql\": ").statusCode()).isEqualTo(400);
        assertThat(api.postJson("/v1/sql", "{\"query\": \"SELECT 1\"}").body()).contains("unknown field \\\"query\\\"");
        assertThat(api.postJson("/v1/sql", "{\"sql\": 42}").statusCode()).isEqualTo(400);
        assertThat(api.postJson("/v1/sql", "{\"sql\": \"SELECT $1\", \"params\": {}}").statusCode()).isEqualTo(400);
    }

    @Test
    void unknownDatabaseIs404AndUnknownPathIs404AndWrongMethodIs405() {
        HttpResponse<String> database = api.postJson("/v1/sql", "{\"sql\":\"SELECT 1\",\"database\":\"nope\"}");
        assertThat(database.statusCode()).isEqualTo(404);
        assertThat(ApiFixture.json(database).at("/error/code").asText()).isEqualTo("3D000");
        assertThat(api.get("/v1/nothing").statusCode()).isEqualTo(404);
        assertThat(api.get("/v1/sql").statusCode()).isEqualTo(405);
    }

    @Test
    void copyIsPointedAtTheBulkEndpoints() {
        api.ok("CREATE TABLE c (id integer)");
        HttpResponse<String> response = api.sql("COPY c FROM STDIN");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiFixture.json(response).at("/error/code").asText()).isEqualTo("0A000");
        assertThat(ApiFixture.json(response).at("/error/message").asText()).contains("/import");
    }

    @Test
    void noticesComeWithTheirResult() {
        JsonNode result = api.ok("ROLLBACK").at("/results/0");
        assertThat(result.get("command").asText()).isEqualTo("ROLLBACK");
        assertThat(result.at("/notices/0/severity").asText()).isEqualTo("WARNING");
        assertThat(result.at("/notices/0/message").asText()).isEqualTo("there is no transaction in progress");
    }

    @Test
    void everyResponseNamesItsQueryAndAcceptsTheClientsId() {
        HttpResponse<String> generated = api.sql("SELECT 1");
        assertThat(generated.headers().firstValue("WeftDB-Query-Id")).isPresent();
        HttpResponse<String> named = api.sql("SELECT 1", "WeftDB-Query-Id", "report-42");
        assertThat(named.headers().firstValue("WeftDB-Query-Id")).contains("report-42");
    }

    @Test
    void theFirstSupportedFormatTheAcceptHeaderListsIsUsed() {
        HttpResponse<String> csv = api.sql("SELECT 1 AS one", "Accept", "text/html, text/csv;q=0.5, application/json");
        assertThat(csv.headers().firstValue("Content-Type")).contains("text/csv; charset=utf-8");
        assertThat(csv.body()).isEqualTo("one\n1\n");
        HttpResponse<String> ndjson = api.sql("SELECT 1 AS one", "Accept", "application/x-ndjson");
        assertThat(ndjson.body()).isEqualTo("{\"columns\":[{\"name\":\"one\",\"type\":\"integer\"}]}\n[1]\n"
                + "{\"command\":\"SELECT 1\",\"rowCount\":1}\n" + ndjson.body().substring(ndjson.body().indexOf("{\"done\"")));
        assertThat(api.sql("SELECT 1", "Accept", "*/*").headers().firstValue("Content-Type")).contains("application/json");
    }
}
