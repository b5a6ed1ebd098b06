package io.weftdb.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Headless Chromium driven through chromedriver with the W3C WebDriver protocol: plain HTTP calls
 * and JSON, so the tests need no browser-automation library. One browser session per instance.
 */
final class WebDriver implements AutoCloseable {
    /** The key under which WebDriver answers an element reference. */
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");

    private final Process driver;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String session;

    /** The browser and driver found on PATH, or empty when either is missing. */
    static Optional<Path[]> installed() {
        Optional<Path> driver = onPath("chromedriver");
        Optional<Path> browser = BROWSERS.stream().map(WebDriver::onPath).flatMap(Optional::stream).findFirst();
        return driver.isPresent() && browser.isPresent() ? Optional.of(new Path[] {browser.get(), driver.get()}) : Optional.empty();
    }

    WebDriver(Path browser, Path chromedriver) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        driver = new ProcessBuilder(chromedriver.toString(), "--port=" + port)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        base = "http://127.0.0.1:" + port;
        awaitTrue(this::driverReady, Duration.ofSeconds(30), "chromedriver did not start");
        ObjectNode options = JSON.createObjectNode().put("binary", browser.toString());
        options.putArray("args").add("--headless=new").add("--no-sandbox").add("--disable-dev-shm-usage")
                .add("--disable-gpu").add("--window-size=1400,900");
        ObjectNode always = JSON.createObjectNode().put("browserName", "chrome").put("acceptInsecureCerts", true);
        always.set("goog:chromeOptions", options);
        ObjectNode capabilities = JSON.createObjectNode();
        capabilities.putObject("capabilities").set("alwaysMatch", always);
        session = call("POST", "/session", capabilities).get("sessionId").asText();
    }

    void open(String url) throws Exception {
        call("POST", "/session/" + session + "/url", JSON.createObjectNode().put("url", url));
    }

    /** The first element matching the CSS selector, waiting for it to be shown. */
    String visible(String css) throws Exception {
        String[] found = new String[1];
        awaitTrue(() -> {
            try {
                for (String element : all(css)) {
                    if (get("/element/" + element + "/displayed").asBoolean()) {
                        found[0] = element;
                        return true;
                    }
                }
            } catch (IllegalStateException replacedMeanwhile) {
                // The page redrew the element between finding and asking (a stale reference): ask again.
            }
            return false;
        }, Duration.ofSeconds(20), css + " was not shown");
        return found[0];
    }

    /** Clicks the first shown element matching the CSS selector, finding it again if the page redrew it meanwhile. */
    void clickShown(String css) throws Exception {
        awaitTrue(() -> {
            try {
                click(visible(css));
                return true;
            } catch (IllegalStateException replacedMeanwhile) {
                return false;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, Duration.ofSeconds(20), css + " could not be clicked");
    }

    List<String> all(String css) {
        JsonNode elements = call("POST", "/session/" + session + "/elements",
                JSON.createObjectNode().put("using", "css selector").put("value", css));
        return Stream.iterate(0, i -> i < elements.size(), i -> i + 1).map(i -> elements.get(i).get(ELEMENT).asText()).toList();
    }

    void type(String element, String text) {
        call("POST", "/session/" + session + "/element/" + element + "/clear", JSON.createObjectNode());
        call("POST", "/session/" + session + "/element/" + element + "/value", JSON.createObjectNode().put("text", text));
    }

    void click(String element) {
        call("POST", "/session/" + session + "/element/" + element + "/click", JSON.createObjectNode());
    }

    String text(String element) {
        return get("/element/" + element + "/text").asText();
    }

    /** Runs a script in the page and answers what it returns. */
    JsonNode execute(String script) {
        ObjectNode body = JSON.createObjectNode().put("script", script);
        body.putArray("args");
        return call("POST", "/session/" + session + "/execute/sync", body);
    }

    /** Accepts the confirm() dialog that is open. */
    void acceptDialog() throws Exception {
        awaitTrue(() -> {
            try {
                call("POST", "/session/" + session + "/alert/accept", JSON.createObjectNode());
                return true;
            } catch (IllegalStateException noDialogYet) {
                return false;
            }
        }, Duration.ofSeconds(10), "no dialog opened");
    }

    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(get("/screenshot").asText()));
    }

    static void awaitTrue(BooleanSupplier condition, Duration timeout, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure);
            }
            Thread.sleep(50);
        }
    }

    private boolean driverReady() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body()).at("/value/ready").asBoolean();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode get(String path) {
        return call("GET", "/session/" + session + path, null);
    }

    /** One WebDriver command; its "value", or IllegalStateException with the driver's error. */
    private JsonNode call(String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.method(method, HttpRequest.BodyPublishers.ofString(body.toString())).header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode value = JSON.readTree(response.body()).get("value");
            if (response.statusCode() != 200) {
                throw new IllegalStateException("WebDriver " + method + " " + path + ": " + value);
            }
            return value;
        } catch (IOException e) {
            throw new IllegalStateException("WebDriver " + method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(java.io.File.pathSeparator)).map(directory -> Path.of(directory, command))
                .filter(Files::isExecutable).findFirst();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            call("DELETE", "/session/" + session, null);
        } finally {
            driver.destroy();
            if (!driver.waitFor(10, TimeUnit.SECONDS)) {
                driver.destroyForcibly();
            }
        }
    }
}
