package io.weftdb.mysql.wire;

import io.weftdb.ir.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a table's SHOW CREATE TABLE text into the CREATE TABLE of an empty copy under another name,
 * as CREATE TABLE ... LIKE makes it: the same columns, keys (with their names, which belong to
 * their table), indexes and CHECKs, no foreign keys and the AUTO_INCREMENT counter starting over.
 * CHECK constraints get names of their own: those are unique within a database, in MySQL too.
 */
final class TableDefinitionCopy {
    private static final Pattern NAMED_CHECK = Pattern.compile("^(\\s*)CONSTRAINT `(?:[^`]|``)*` (CHECK \\()");
    private static final Pattern AUTO_INCREMENT = Pattern.compile(" AUTO_INCREMENT=\\d+");

    private TableDefinitionCopy() {
    }

    static String of(String createTable, QualifiedName name, boolean ifNotExists, boolean temporary) {
        List<String> lines = List.of(createTable.split("\n"));
        List<String> elements = new ArrayList<>();
        for (String line : lines.subList(1, lines.size() - 1)) {
            String element = line.endsWith(",") ? line.substring(0, line.length() - 1) : line;
            if (element.contains(" FOREIGN KEY (")) {
                continue;
            }
            element = NAMED_CHECK.matcher(element).replaceFirst("$1$2");
            elements.add(element);
        }
        String options = AUTO_INCREMENT.matcher(lines.getLast()).replaceFirst("");
        return "CREATE " + (temporary ? "TEMPORARY " : "") + "TABLE " + (ifNotExists ? "IF NOT EXISTS " : "")
                + quoted(name) + " (\n" + String.join(",\n", elements) + "\n" + options;
    }

    private static String quoted(QualifiedName name) {
        return String.join(".", name.parts().stream().map(part -> "`" + part.replace("`", "``") + "`").toList());
    }
}
