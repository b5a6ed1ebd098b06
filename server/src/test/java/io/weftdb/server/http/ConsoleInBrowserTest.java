package io.weftdb.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web console in headless Chromium against {@code weftdb serve} with a token: log in, run a
 * query and see its rows, browse the schema, end a session from the sessions view, and draw the
 * metrics charts. Screenshots go to target/console-*.png. Skipped when Chromium and chromedriver
 * are not installed (scripts/test installs the Debian packages chromium and chromium-driver).
 */
class ConsoleInBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path directory;
    static ServedWeftDb server;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Optional<Path[]> installed = WebDriver.installed();
        Assumptions.assumeTrue(installed.isPresent(),
                "skipped: chromium and chromedriver are not on PATH (Debian: apt-get install chromium chromium-driver)");
        server = new ServedWeftDb(directory.resolve("data"), "256m");
        HttpResponse<String> setup = server.sql("CREATE TABLE fruit (id integer PRIMARY KEY, name text NOT NULL, price numeric(6,2));"
                + " INSERT INTO fruit SELECT g, 'fruit ' || g, g * 1.5 FROM generate_series(1, 250) AS g");
        assertThat(setup.statusCode()).as(setup.body()).isEqualTo(200);
        browser = new WebDriver(installed.get()[0], installed.get()[1]);
        browser.open(server.url().replace("127.0.0.1", "localhost") + "/");
        String token = browser.visible("#login-token");
        browser.type(token, ServedWeftDb.TOKEN);
        browser.clickShown("#login-submit");
        browser.visible("#app");
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aQueryShowsItsRowsAPageAtATime() throws Exception {
        browser.clickShown("#tabs button[data-tab=query]");
        browser.type(browser.visible("#sql"), "SELECT id, name, price FROM fruit ORDER BY id");
        browser.clickShown("#run");
        WebDriver.awaitTrue(() -> browser.text(first("#status")).contains("statement(s) in"), Duration.ofSeconds(30),
                "the query did not finish");

        List<String> headers = browser.all("#results table.grid th").stream().map(browser::text).toList();
        assertThat(headers).containsExactly("id", "name", "price");
        List<String> cells = browser.all("#results table.grid td").stream().limit(3).map(browser::text).toList();
        assertThat(cells).containsExactly("1", "fruit 1", "1.50");
        assertThat(browser.text(first("#results .pager span"))).isEqualTo("rows 1–100 of 250");
        assertThat(browser.text(first("#results .result > .muted"))).isEqualTo("SELECT 250");
        browser.screenshot(Path.of("target", "console-query.png"));

        browser.click(first("#results .pager button:last-child"));
        assertThat(browser.text(first("#results .pager span"))).isEqualTo("rows 101–200 of 250");
        assertThat(browser.text(first("#results table.grid td"))).isEqualTo("101");
        assertThat(Files.size(Path.of("target", "console-query.png"))).isPositive();
    }

    @Test
    void anErrorShowsItsSqlstate() throws Exception {
        browser.clickShown("#tabs button[data-tab=query]");
        browser.type(browser.visible("#sql"), "SELECT nme FROM fruit");
        browser.clickShown("#run");

        String error = browser.visible("#results .error");
        assertThat(browser.text(error)).startsWith("ERROR 42703: column \"nme\" does not exist");
    }

    @Test
    void theSchemaBrowserListsTablesAndTheirColumns() throws Exception {
        String table = browser.visible("#schema li li > .node");
        assertThat(browser.text(table)).isEqualTo("fruit");
        browser.click(table);

        browser.visible("#schema .column");
        List<String> columns = browser.all("#schema .column").stream().map(browser::text).toList();
        assertThat(columns).containsExactly("idinteger NOT NULL PK", "nametext NOT NULL", "pricenumeric(6,2)");
    }

    @Test
    void theKillButtonEndsASession() throws Exception {
        HttpResponse<String> opened = server.client().send(server.request("/v1/sessions")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String httpId = JSON.readTree(opened.body()).get("id").asText();

        browser.clickShown("#tabs button[data-tab=sessions]");
        browser.clickShown("#sessions button");
        browser.acceptDialog();

        WebDriver.awaitTrue(() -> sessionGone(httpId), Duration.ofSeconds(10), "the session was not ended");
        browser.screenshot(Path.of("target", "console-sessions.png"));
    }

    @Test
    void theMetricsViewDrawsQueryRateAndLatency() throws Exception {
        browser.clickShown("#tabs button[data-tab=metrics]");
        for (int i = 0; i < 5; i++) {
            server.sql("SELECT count(*) FROM fruit");
        }
        // Two samples make the first point; the gauges table fills on the first.
        WebDriver.awaitTrue(() -> browser.all("#gauges td").size() >= 10, Duration.ofSeconds(10), "no metrics were shown");
        Thread.sleep(4500);
        browser.screenshot(Path.of("target", "console-metrics.png"));

        assertThat(browser.text(first("#gauges td"))).isEqualTo("weftdb_sessions");
        // The query-rate line is drawn in blue: count its pixels.
        int linePixels = browser.execute("""
                const canvas = document.getElementById("chart-qps");
                const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
                let count = 0;
                for (let i = 0; i < pixels.length; i += 4) {
                  if (pixels[i + 3] > 0 && pixels[i + 2] > 140 && pixels[i] < 110) count++;
                }
                return count;""").asInt();
        assertThat(linePixels).isGreaterThan(20);
    }

    @Test
    void theCompatibilityViewShowsTheStatusMatrix() throws Exception {
        browser.clickShown("#tabs button[data-tab=compat]");
        WebDriver.awaitTrue(() -> browser.all("#compat-totals td").size() >= 3, Duration.ofSeconds(10),
                "no status matrix was shown");
        browser.screenshot(Path.of("target", "console-compat.png"));

        JsonNode matrix = JSON.readTree(server.client().send(server.request("/v1/compat").GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        JsonNode pgSimple = matrix.at("/corpus/totals/pg-simple");
        assertThat(browser.all("#compat-totals td").stream().limit(3).map(browser::text).toList())
                .containsExactly("pg-simple", matrix.at("/targets/0/description").asText(),
                        pgSimple.get("passed").asInt() + "/" + pgSimple.get("total").asInt());
        assertThat(browser.all("#compat-features tr")).hasSize(matrix.at("/corpus/features").size() + 1);
        JsonNode clients = matrix.get("clients");
        assertThat(browser.all("#compat-clients tr")).hasSize(clients.isNull() ? 1 : clients.get("byClient").size() + 1);
    }

    private static String first(String css) {
        List<String> found = browser.all(css);
        assertThat(found).as(css).isNotEmpty();
        return found.get(0);
    }

    private static boolean sessionGone(String httpId) {
        try {
            HttpResponse<String> sessions = server.client().send(server.request("/v1/sessions").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return !sessions.body().contains(httpId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
