package io.weftdb.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkTest {
    private static final String TABLE = "/v1/tables/postgres/public/people";

    @TempDir
    Path directory;
    ApiFixture api;

    @BeforeEach
    void start() {
        api = new ApiFixture(directory);
        api.ok("CREATE TABLE people (id integer PRIMARY KEY, name text NOT NULL, note text, photo bytea)");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private HttpResponse<String> upload(String query, String contentType, String body) {
        return api.send(api.request(TABLE + "/import" + query).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String count() {
        return api.ok("SELECT count(*) FROM people").at("/results/0/rows/0/0").asText();
    }

    @Test
    void csvImportLoadsEveryRowAndExportGivesTheSameCsvBack() {
        String csv = "id,name,note,photo\n1,alice,,\\x0102\n2,\"b,ob\",\"\",\n";
        HttpResponse<String> loaded = upload("", "text/csv", csv);
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(200);
        assertThat(ApiFixture.json(loaded).get("rowCount").asLong()).isEqualTo(2);
        assertThat(ApiFixture.json(loaded).get("command").asText()).isEqualTo("COPY 2");
        HttpResponse<String> exported = api.get(TABLE + "/export?format=csv");
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Type")).contains("text/csv; charset=utf-8");
        assertThat(exported.body()).isEqualTo(csv);
    }

    @Test
    void anImportBodyOfManyMegabytesStreamsIntoTheTable() {
        StringBuilder csv = new StringBuilder("id,name,note,photo\n");
        for (int id = 1; id <= 100_000; id++) {
            csv.append(id).append(",person number ").append(id).append(",a note that makes the line longer,\n");
        }
        assertThat(csv.length()).isGreaterThan(5 << 20);
        HttpResponse<String> loaded = upload("", "text/csv", csv.toString());
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(200);
        assertThat(count()).isEqualTo("100000");
    }

    @Test
    void anImportInASessionIsPartOfItsTransaction() {
        String session = ApiFixture.json(api.postJson("/v1/sessions", "")).get("id").asText();
        api.ok("BEGIN", "WeftDB-Session", session);
        HttpResponse<String> loaded = api.send(api.request(TABLE + "/import?header=false").header("WeftDB-Session", session)
                .POST(HttpRequest.BodyPublishers.ofString("1,alice,,\n")).build());
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(200);
        assertThat(api.get(TABLE + "/export?format=csv", "WeftDB-Session", session).body()).endsWith("1,alice,,\n");
        assertThat(count()).isEqualTo("0");
        api.ok("ROLLBACK", "WeftDB-Session", session);
        assertThat(api.get(TABLE + "/export?format=csv", "WeftDB-Session", session).body()).isEqualTo("id,name,note,photo\n");
    }

    @Test
    void aBadRowFailsTheWholeImportAndNamesItsLine() {
        HttpResponse<String> response = upload("", "text/csv", "id,name,note,photo\n1,alice,,\nthree,carol,,\n");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = ApiFixture.json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("22P02");
        assertThat(error.get("line").asLong()).isEqualTo(3);
        assertThat(error.get("detail").asText()).contains("line 3");
        assertThat(count()).isEqualTo("0");
    }

    @Test
    void aDuplicateKeyFailsTheImportWith409() {
        HttpResponse<String> response = upload("?header=false", "text/csv", "1,alice,,\n1,again,,\n");
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(ApiFixture.json(response).at("/error/code").asText()).isEqualTo("23505");
        assertThat(count()).isEqualTo("0");
    }

    @Test
    void ndjsonImportAndExportRoundTrip() {
        String ndjson = "{\"id\":1,\"name\":\"alice\",\"note\":null,\"photo\":\"AQI=\"}\n"
                + "{\"id\":2,\"name\":\"bob \\\"the\\\" builder\",\"note\":\"line one\\nline two\",\"photo\":null}\n";
        HttpResponse<String> loaded = upload("", "application/x-ndjson", ndjson);
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(200);
        HttpResponse<String> exported = api.get(TABLE + "/export?format=ndjson");
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.body()).isEqualTo(ndjson);
    }

    @Test
    void ndjsonLinesMayBeArraysAndMissingKeysAreNull() {
        HttpResponse<String> loaded = upload("?format=ndjson", "application/octet-stream",
                "{\"id\":1,\"name\":\"alice\"}\n\n{\"id\":2,\"name\":\"bob\",\"note\":\"n\"}\n");
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(400);
        assertThat(ApiFixture.json(loaded).at("/error/line").asLong()).isEqualTo(3);
        HttpResponse<String> arrays = upload("?format=ndjson", "application/octet-stream", "[1,\"alice\",null,null]\n");
        assertThat(arrays.statusCode()).as(arrays.body()).isEqualTo(200);
        HttpResponse<String> objects = upload("?format=ndjson", "application/octet-stream",
                "{\"id\":2,\"name\":\"bob\",\"note\":\"n\"}\n{\"id\":3,\"name\":\"carol\"}\n");
        assertThat(objects.statusCode()).as(objects.body()).isEqualTo(200);
        assertThat(api.ok("SELECT note IS NULL FROM people WHERE id = 3").at("/results/0/rows/0/0").asBoolean()).isTrue();
    }

    @Test
    void aBadNdjsonLineFailsTheImportAndNamesItsLine() {
        HttpResponse<String> response = upload("", "application/x-ndjson",
                "{\"id\":1,\"name\":\"alice\"}\n{\"id\":2,\"name\":\n");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiFixture.json(response).at("/error/line").asLong()).isEqualTo(2);
        assertThat(ApiFixture.json(response).at("/error/message").asText()).startsWith("line 2: not valid JSON");
        assertThat(count()).isEqualTo("0");
    }

    @Test
    void importingIntoAMissingTableIs400() {
        HttpResponse<String> response = api.send(api.request("/v1/tables/postgres/public/nope/import")
                .POST(HttpRequest.BodyPublishers.ofString("1\n")).build());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiFixture.json(response).at("/error/code").asText()).isEqualTo("42P01");
    }
}
