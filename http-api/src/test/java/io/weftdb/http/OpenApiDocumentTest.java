package io.weftdb.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/openapi.yaml describes exactly the endpoints the server routes. */
class OpenApiDocumentTest {
    private static final Pattern PATH = Pattern.compile("^  (/\\S*):$");
    private static final Pattern METHOD = Pattern.compile("^    (get|post|put|patch|delete):$");

    @TempDir
    Path directory;

    @Test
    void everyRoutedEndpointIsDescribedAndNothingElse() throws Exception {
        List<String> described = new ArrayList<>();
        String path = null;
        for (String line : Files.readAllLines(Path.of("..", "docs", "openapi.yaml"), StandardCharsets.UTF_8)) {
            if (!line.startsWith(" ") && !line.isBlank()) {
                path = null;
            }
            Matcher pathLine = PATH.matcher(line);
            Matcher methodLine = METHOD.matcher(line);
            if (pathLine.matches()) {
                path = pathLine.group(1);
            } else if (path != null && methodLine.matches()) {
                described.add(methodLine.group(1).toUpperCase(Locale.ROOT) + " " + path);
            }
        }
        try (ApiFixture api = new ApiFixture(directory)) {
            assertThat(described).containsExactlyInAnyOrderElementsOf(api.server().routes());
        }
    }
}
