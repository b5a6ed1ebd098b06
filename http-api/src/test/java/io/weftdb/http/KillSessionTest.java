package io.weftdb.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.weftdb.engine.Session;
import io.weftdb.engine.SessionOptions;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.pg.sql.PostgresSqlParser;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code DELETE /v1/sessions/{id}} with the number {@code GET /v1/sessions} lists ends any engine
 * session, whichever protocol opened it (an engine session opened directly stands in for a
 * PostgreSQL or MySQL connection here; the served server's test uses a real PostgreSQL client).
 */
class KillSessionTest {
    private final PostgresSqlParser parser = new PostgresSqlParser();

    @TempDir
    Path directory;
    ApiFixture api;

    @BeforeEach
    void start() {
        api = new ApiFixture(directory);
        api.ok("CREATE TABLE item (id integer PRIMARY KEY)");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void killingAnotherProtocolsSessionRollsItBackAndItsNextStatementFailsWith57P01() {
        Session other = api.engine().openSession(new SessionOptions("alice", SessionOptions.DEFAULT_DATABASE));
        run(other, "BEGIN");
        run(other, "INSERT INTO item VALUES (1)");

        HttpResponse<String> killed = api.delete("/v1/sessions/" + other.id());

        assertThat(killed.statusCode()).isEqualTo(202);
        assertThat(killed.body()).isEqualTo("{\"id\":" + other.id() + ",\"terminating\":true}\n");
        JsonNode listed = ApiFixture.json(api.get("/v1/sessions")).get("sessions").get(0);
        assertThat(listed.get("id").asInt()).isEqualTo(other.id());
        assertThat(listed.get("terminating").asBoolean()).isTrue();
        assertThatThrownBy(() -> run(other, "COMMIT"))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ADMIN_SHUTDOWN))
                .hasMessage("terminating connection due to administrator command");
        assertThat(api.engine().sessions()).doesNotContainKey(other.id());
        assertThat(api.ok("SELECT count(*) FROM item").at("/results/0/rows/0/0").asInt()).isZero();
    }

    @Test
    void killingAnHttpSessionByItsNumberClosesItAtOnce() {
        String id = ApiFixture.json(api.postJson("/v1/sessions", "")).get("id").asText();
        api.ok("BEGIN; INSERT INTO item VALUES (2)", "WeftDB-Session", id);
        int number = ApiFixture.json(api.get("/v1/sessions")).get("sessions").get(0).get("id").asInt();

        assertThat(api.delete("/v1/sessions/" + number).statusCode()).isEqualTo(204);

        assertThat(api.sql("SELECT 1", "WeftDB-Session", id).statusCode()).isEqualTo(404);
        assertThat(ApiFixture.json(api.get("/v1/sessions")).get("sessions")).isEmpty();
        assertThat(api.ok("SELECT count(*) FROM item").at("/results/0/rows/0/0").asInt()).isZero();
    }

    @Test
    void anUnknownSessionIs404() {
        HttpResponse<String> response = api.delete("/v1/sessions/4711");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":{\"code\":\"08003\",\"message\":\"session 4711 does not exist\"}}\n");
    }

    private void run(Session session, String sql) {
        session.execute(parser.parse(sql).get(0).statement(), List.of());
    }
}
