package io.weftdb.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogAndOperationsTest {
    @TempDir
    Path directory;
    ApiFixture api;

    @BeforeEach
    void start() {
        api = new ApiFixture(directory);
        api.ok("CREATE TABLE customers (id integer PRIMARY KEY, email varchar(200) NOT NULL UNIQUE, "
                + "credit numeric(10,2) DEFAULT 0 CHECK (credit >= 0)); "
                + "CREATE TABLE orders (id bigint PRIMARY KEY, customer integer REFERENCES customers (id)); "
                + "CREATE VIEW big_customers AS SELECT id FROM customers WHERE credit > 100; "
                + "CREATE SCHEMA audit; CREATE TABLE audit.events (at timestamptz)");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void databasesListTheirSchemas() {
        JsonNode body = ApiFixture.json(api.get("/v1/databases"));
        assertThat(body.toString()).isEqualTo("{\"databases\":[{\"name\":\"postgres\",\"schemas\":[\"audit\",\"public\"]}]}");
    }

    @Test
    void tablesListEveryRelationOfEverySchema() {
        JsonNode tables = ApiFixture.json(api.get("/v1/databases/postgres/tables")).get("tables");
        assertThat(tables.toString()).contains(
                "{\"schema\":\"audit\",\"name\":\"events\",\"kind\":\"table\",\"columns\":1}",
                "{\"schema\":\"public\",\"name\":\"big_customers\",\"kind\":\"view\"}",
                "{\"schema\":\"public\",\"name\":\"customers\",\"kind\":\"table\",\"columns\":3}");
    }

    @Test
    void aTableShowsColumnsKeysIndexesAndConstraints() {
        JsonNode table = ApiFixture.json(api.get("/v1/databases/postgres/tables/customers"));
        assertThat(table.get("schema").asText()).isEqualTo("public");
        assertThat(table.get("columns").toString()).isEqualTo("[{\"name\":\"id\",\"type\":\"integer\",\"nullable\":false,\"hasDefault\":false},"
                + "{\"name\":\"email\",\"type\":\"character varying(200)\",\"nullable\":false,\"hasDefault\":false},"
                + "{\"name\":\"credit\",\"type\":\"numeric(10,2)\",\"nullable\":true,\"hasDefault\":true}]");
        assertThat(table.get("primaryKey").toString()).isEqualTo("[\"id\"]");
        assertThat(table.get("indexes").toString()).contains("\"columns\":[\"email\"],\"unique\":true,\"primary\":false");
        assertThat(table.get("checks").get(0).get("expression").asText()).contains("credit >= 0");
        JsonNode orders = ApiFixture.json(api.get("/v1/databases/postgres/tables/public.orders"));
        assertThat(orders.at("/foreignKeys/0/referencedTable").asText()).isEqualTo("customers");
        assertThat(orders.at("/foreignKeys/0/columns").toString()).isEqualTo("[\"customer\"]");
        assertThat(ApiFixture.json(api.get("/v1/databases/postgres/tables/audit.events")).get("name").asText()).isEqualTo("events");
    }

    @Test
    void unknownDatabasesAndTablesAre404() {
        HttpResponse<String> database = api.get("/v1/databases/nope/tables");
        assertThat(database.statusCode()).isEqualTo(404);
        assertThat(ApiFixture.json(database).at("/error/code").asText()).isEqualTo("3D000");
        HttpResponse<String> table = api.get("/v1/databases/postgres/tables/nope");
        assertThat(table.statusCode()).isEqualTo(404);
        assertThat(ApiFixture.json(table).at("/error/code").asText()).isEqualTo("42P01");
    }

    @Test
    void healthReadyAndStatusReportTheServer() {
        assertThat(api.get("/v1/health").body()).isEqualTo("{\"status\":\"ok\"}\n");
        assertThat(api.get("/v1/ready").statusCode()).isEqualTo(200);
        JsonNode status = ApiFixture.json(api.get("/v1/status"));
        assertThat(status.at("/listeners/0/port").asInt()).isEqualTo(api.server().port());
        assertThat(status.at("/listeners/0/tls").asBoolean()).isFalse();
        assertThat(status.get("sessions").asInt()).isZero();
        assertThat(status.at("/storage/approximateBytes").asLong()).isPositive();
        assertThat(status.at("/memory/heapMaxBytes").asLong()).isPositive();
    }

    @Test
    void metricsAreInThePrometheusTextFormat() {
        api.get("/v1/nothing");
        api.sql("CREATE TABLE metered (n integer); INSERT INTO metered VALUES (1), (2), (3); SELECT * FROM metered");
        api.sql("SELECT * FROM no_such_table");
        HttpResponse<String> metrics = api.get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body())
                .contains("# TYPE weftdb_http_requests_total counter\n")
                .contains("weftdb_http_requests_total{status=\"200\"} ")
                .contains("weftdb_http_requests_total{status=\"404\"} 1\n")
                .contains("weftdb_sessions 0\n")
                .contains("weftdb_http_running_queries 0\n")
                .contains("weftdb_storage_approximate_bytes{keyspace=\"data\"} ")
                .contains("# TYPE weftdb_storage_memtable_bytes gauge\n")
                .containsPattern("weftdb_storage_memtable_bytes\\{keyspace=\"data\"} [1-9]")
                .contains("# TYPE weftdb_storage_compactions_total counter\n")
                .containsPattern("weftdb_storage_compaction_written_bytes_total\\{keyspace=\"data\"} \\d+\n")
                .containsPattern("weftdb_storage_running_compactions \\d+\n")
                .containsPattern("weftdb_jvm_heap_max_bytes \\d+\n")
                .containsPattern("weftdb_statements_total\\{protocol=\"http\",kind=\"select\"} [1-9]")
                .containsPattern("weftdb_statements_total\\{protocol=\"http\",kind=\"ddl\"} [1-9]")
                .containsPattern("weftdb_statement_errors_total\\{protocol=\"http\",sqlstate=\"42P01\"} [1-9]")
                .containsPattern("weftdb_statement_duration_seconds_bucket\\{protocol=\"http\",le=\"\\+Inf\"} [1-9]")
                .containsPattern("weftdb_rows_changed_total\\{protocol=\"http\"} [3-9]")
                .containsPattern("weftdb_rows_returned_total\\{protocol=\"http\"} [3-9]");
        for (String line : metrics.body().split("\n")) {
            assertThat(line).matches("# (HELP|TYPE) .*|weftdb_[a-z0-9_]+(\\{[a-z]+=\"[^\"]*\"(,[a-z]+=\"[^\"]*\")*\\})? -?[0-9.Ee+-]+");
        }
    }

    @Test
    void theRootServesTheWebConsole() {
        HttpResponse<String> page = api.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("connect-src 'self'"));
        assertThat(page.body()).contains("<title>WeftDB console</title>", "src=\"/console/console.js\"");
        HttpResponse<String> script = api.get("/console/console.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).contains("text/javascript; charset=utf-8");
        assertThat(script.body()).contains("fetch(\"/v1/sql\"");
        assertThat(api.get("/console/console.css").headers().firstValue("Content-Type")).contains("text/css; charset=utf-8");
        assertThat(api.get("/console/other.js").statusCode()).isEqualTo(404);
    }
}
