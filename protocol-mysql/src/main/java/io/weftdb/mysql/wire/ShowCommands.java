package io.weftdb.mysql.wire;

import io.weftdb.engine.Notice;
import io.weftdb.engine.ResultColumn;
import io.weftdb.engine.catalog.Catalog;
import io.weftdb.engine.catalog.CatalogObject;
import io.weftdb.engine.catalog.CheckDef;
import io.weftdb.engine.catalog.ColumnDef;
import io.weftdb.engine.catalog.DatabaseDef;
import io.weftdb.engine.catalog.ForeignKeyDef;
import io.weftdb.engine.catalog.IndexDef;
import io.weftdb.engine.catalog.SchemaDef;
import io.weftdb.engine.catalog.SequenceDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.catalog.ViewDef;
import io.weftdb.engine.value.TextFormat;
import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.stmt.ReferentialAction;
import io.weftdb.ir.type.DataType;
import io.weftdb.mysql.error.MysqlErrors;
import io.weftdb.mysql.error.MysqlException;
import io.weftdb.mysql.error.MysqlVendorError;
import io.weftdb.mysql.sql.MysqlCommand;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SHOW statements, answered from the engine's catalog as MySQL lays them out. A MySQL
 * database is a schema of the engine's database; views show as VIEW, sequences are not listed
 * (they are how AUTO_INCREMENT is implemented).
 */
final class ShowCommands {
    /** The COMMENT text of an object (a column: table id and column id), or null. */
    interface Comments {
        String of(long objectId, int subId);
    }

    private final Catalog catalog;
    private final DatabaseDef database;
    private final String temporarySchema;
    private final String currentDatabase;
    private final Comments comments;

    /** @param temporarySchema the schema of the connection's temporary tables, found first for unqualified names */
    ShowCommands(Catalog catalog, String engineDatabase, String currentDatabase, String temporarySchema, Comments comments) {
        this.catalog = catalog;
        this.database = catalog.databaseByName(engineDatabase);
        this.currentDatabase = currentDatabase;
        this.temporarySchema = temporarySchema;
        this.comments = comments;
    }

    private String comment(long objectId, int subId) {
        String text = comments.of(objectId, subId);
        return text == null ? "" : text;
    }

    /** A string literal as SHOW CREATE TABLE writes one: quotes doubled, backslashes escaped. */
    private static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    LocalRows databases(String like) {
        List<Object[]> rows = new ArrayList<>();
        for (SchemaDef schema : sorted(catalog.schemas(database.id()), SchemaDef::name)) {
            if (matches(like, schema.name())) {
                rows.add(new Object[] {schema.name()});
            }
        }
        return new LocalRows(List.of(text("Database")), rows);
    }

    LocalRows tables(MysqlCommand.ShowTables show) {
        SchemaDef schema = schema(show.database());
        List<Object[]> rows = new ArrayList<>();
        for (CatalogObject relation : sorted(catalog.relations(schema.id()), ShowCommands::relationName)) {
            String type = switch (relation) {
                case TableDef table -> "BASE TABLE";
                case ViewDef view -> "VIEW";
                default -> null;
            };
            String name = relationName(relation);
            if (type != null && matches(show.like(), name)) {
                rows.add(show.full() ? new Object[] {name, type} : new Object[] {name});
            }
        }
        List<ResultColumn> columns = new ArrayList<>();
        columns.add(text("Tables_in_" + schema.name() + (show.like() == null ? "" : " (" + show.like() + ")")));
        if (show.full()) {
            columns.add(text("Table_type"));
        }
        return new LocalRows(columns, rows);
    }

    /**
     * SHOW TABLE STATUS: MySQL's eighteen columns for each table and view. The engine keeps no size
     * figures, so the row counts and lengths are NULL rather than guesses.
     */
    LocalRows tableStatus(MysqlCommand.ShowTableStatus show) {
        SchemaDef schema = schema(show.database());
        List<Object[]> rows = new ArrayList<>();
        for (CatalogObject relation : sorted(catalog.relations(schema.id()), ShowCommands::relationName)) {
            String name = relationName(relation);
            if (!matches(show.like(), name)) {
                continue;
            }
            switch (relation) {
                case TableDef table -> rows.add(new Object[] {name, "InnoDB", 10L, "Dynamic", null, null, null, null, null,
                        null, null, null, null, null, "utf8mb4_general_ci", null, "", ""});
                case ViewDef view -> rows.add(new Object[] {name, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, "VIEW"});
                default -> { }
            }
        }
        return new LocalRows(List.of(text("Name"), text("Engine"), bigint("Version"), text("Row_format"), bigint("Rows"),
                bigint("Avg_row_length"), bigint("Data_length"), bigint("Max_data_length"), bigint("Index_length"),
                bigint("Data_free"), bigint("Auto_increment"), text("Create_time"), text("Update_time"),
                text("Check_time"), text("Collation"), bigint("Checksum"), text("Create_options"), text("Comment")), rows);
    }

    LocalRows columns(MysqlCommand.ShowColumns show) {
        TableDef table = table(show.table());
        Map<String, String> enums = enumColumns(table);
        List<Object[]> rows = new ArrayList<>();
        for (ColumnDef column : table.columns()) {
            if (!matches(show.like(), column.name())) {
                continue;
            }
            String type = typeName(column, enums);
            String nullable = column.notNull() ? "NO" : "YES";
            String key = key(table, column);
            String extra = autoIncrement(column) ? "auto_increment"
                    : column.onUpdate() != null ? "on update CURRENT_TIMESTAMP" : "";
            String defaultText = autoIncrement(column) ? null : defaultText(column);
            rows.add(show.full()
                    ? new Object[] {column.name(), type, collation(column.type()), nullable, key, defaultText, extra,
                            "select,insert,update,references", comment(table.id(), column.id())}
                    : new Object[] {column.name(), type, nullable, key, defaultText, extra});
        }
        List<ResultColumn> columns = show.full()
                ? List.of(text("Field"), text("Type"), text("Collation"), text("Null"), text("Key"), text("Default"),
                        text("Extra"), text("Privileges"), text("Comment"))
                : List.of(text("Field"), text("Type"), text("Null"), text("Key"), text("Default"), text("Extra"));
        return new LocalRows(columns, rows);
    }

    /** The table's columns with their types, for COM_FIELD_LIST. */
    List<ResultColumn> tableColumns(QualifiedName name) {
        return table(name).columns().stream().map(column -> new ResultColumn(column.name(), column.type())).toList();
    }

    LocalRows index(QualifiedName name) {
        TableDef table = table(name);
        List<Object[]> rows = new ArrayList<>();
        for (IndexDef index : table.indexes()) {
            if (index.primary() && table.hiddenRowId()) {
                continue;
            }
            String keyName = index.primary() ? "PRIMARY" : index.tableName();
            for (int i = 0; i < index.columnIds().size(); i++) {
                ColumnDef column = table.column(index.columnIds().get(i));
                rows.add(new Object[] {table.name(), index.unique() || index.primary() ? 0L : 1L, keyName, (long) i + 1,
                        column.name(), index.descending().get(i) ? "D" : "A", null, null, null,
                        column.notNull() ? "" : "YES", "BTREE", "", "", "YES", null});
            }
        }
        return new LocalRows(List.of(text("Table"), bigint("Non_unique"), text("Key_name"), bigint("Seq_in_index"),
                text("Column_name"), text("Collation"), bigint("Cardinality"), bigint("Sub_part"), text("Packed"),
                text("Null"), text("Index_type"), text("Comment"), text("Index_comment"), text("Visible"),
                text("Expression")), rows);
    }

    /** The view {@code name} names, or null when it names a table (or nothing: the table lookup then says so). */
    ViewDef view(QualifiedName name) {
        return catalog.relation(schema(name.qualifier()).id(), name.name()) instanceof ViewDef view ? view : null;
    }

    /** SHOW CREATE TABLE / VIEW of a view: MySQL's four columns, with the query as it was written. */
    static LocalRows createView(ViewDef view) {
        String columns = view.columnNames().isEmpty() ? ""
                : " (" + String.join(",", view.columnNames().stream().map(c -> "`" + c + "`").toList()) + ")";
        String ddl = "CREATE ALGORITHM=UNDEFINED DEFINER=`weftdb`@`%` SQL SECURITY DEFINER VIEW `" + view.name() + "`"
                + columns + " AS " + view.sql();
        return new LocalRows(List.of(text("View"), text("Create View"), text("character_set_client"),
                text("collation_connection")), List.<Object[]>of(new Object[] {view.name(), ddl, "utf8mb4",
                "utf8mb4_general_ci"}));
    }

    /** SHOW COLUMNS of a view, from the columns its query produces. */
    static LocalRows viewColumns(List<ResultColumn> columns, MysqlCommand.ShowColumns show) {
        List<Object[]> rows = new ArrayList<>();
        for (ResultColumn column : columns) {
            if (matches(show.like(), column.name())) {
                String type = MysqlTypes.columnTypeName(column.type());
                rows.add(show.full()
                        ? new Object[] {column.name(), type, collation(column.type()), "YES", "", null, "",
                                "select,insert,update,references", ""}
                        : new Object[] {column.name(), type, "YES", "", null, ""});
            }
        }
        return new LocalRows(show.full()
                ? List.of(text("Field"), text("Type"), text("Collation"), text("Null"), text("Key"), text("Default"),
                        text("Extra"), text("Privileges"), text("Comment"))
                : List.of(text("Field"), text("Type"), text("Null"), text("Key"), text("Default"), text("Extra")), rows);
    }

    /** SHOW TRIGGERS: the engine has no triggers, so none, in MySQL's layout. */
    static LocalRows triggers() {
        return new LocalRows(List.of(text("Trigger"), text("Event"), text("Table"), text("Statement"), text("Timing"),
                text("Created"), text("sql_mode"), text("Definer"), text("character_set_client"),
                text("collation_connection"), text("Database Collation")), List.of());
    }

    /** The table {@code name} names; 1146 when there is none. */
    TableDef tableDef(QualifiedName name) {
        return table(name);
    }

    /** The sequence behind the table's AUTO_INCREMENT column, or null when it has none. */
    SequenceDef autoIncrementSequence(QualifiedName name) {
        TableDef table = table(name);
        for (CatalogObject relation : catalog.relations(table.schemaId())) {
            if (relation instanceof SequenceDef sequence && sequence.ownerTableId() == table.id()) {
                return sequence;
            }
        }
        return null;
    }

    /** The name of the column the sequence serves. */
    String columnName(QualifiedName table, SequenceDef sequence) {
        return table(table).column(sequence.ownerColumnId()).name();
    }

    String schemaName(SequenceDef sequence) {
        return catalog.schema(sequence.schemaId()).name();
    }

    /** @param nextAutoIncrement the AUTO_INCREMENT value to show, or null for none */
    LocalRows createTable(QualifiedName name, Long nextAutoIncrement) {
        TableDef table = table(name);
        Map<String, String> enums = enumColumns(table);
        StringBuilder ddl = new StringBuilder("CREATE TABLE `").append(table.name()).append("` (\n");
        List<String> lines = new ArrayList<>();
        for (ColumnDef column : table.columns()) {
            StringBuilder line = new StringBuilder("  `").append(column.name()).append("` ")
                    .append(typeName(column, enums));
            if (column.notNull()) {
                line.append(" NOT NULL");
            }
            if (autoIncrement(column)) {
                line.append(" AUTO_INCREMENT");
            } else {
                String defaultText = defaultText(column);
                if (defaultText != null) {
                    line.append(" DEFAULT ").append(column.defaultValue() instanceof Expr.Literal literal
                            && literal.value() instanceof String ? "'" + defaultText.replace("'", "''") + "'" : defaultText);
                } else if (!column.notNull()) {
                    line.append(" DEFAULT NULL");
                }
            }
            if (column.onUpdate() != null) {
                line.append(" ON UPDATE CURRENT_TIMESTAMP");
            }
            String columnComment = comment(table.id(), column.id());
            if (!columnComment.isEmpty()) {
                line.append(" COMMENT ").append(quoted(columnComment));
            }
            lines.add(line.toString());
        }
        for (IndexDef index : table.indexes()) {
            if (index.primary() && table.hiddenRowId()) {
                continue;
            }
            String columns = indexColumns(table, index.columnIds());
            if (index.primary()) {
                lines.add("  PRIMARY KEY (" + columns + ")");
            } else {
                lines.add("  " + (index.unique() ? "UNIQUE KEY" : "KEY") + " `" + index.tableName() + "` (" + columns + ")");
            }
        }
        for (ForeignKeyDef foreignKey : table.foreignKeys()) {
            TableDef referenced = catalog.table(foreignKey.referencedTableId());
            StringBuilder line = new StringBuilder("  CONSTRAINT `").append(foreignKey.name()).append("` FOREIGN KEY (")
                    .append(indexColumns(table, foreignKey.columnIds())).append(") REFERENCES `")
                    .append(referenced.name()).append("` (").append(indexColumns(referenced, foreignKey.referencedColumnIds()))
                    .append(')');
            appendAction(line, "DELETE", foreignKey.onDelete());
            appendAction(line, "UPDATE", foreignKey.onUpdate());
            lines.add(line.toString());
        }
        for (CheckDef check : table.checks()) {
            if (enumColumn(check) == null && !unsignedRange(table, check)) {
                lines.add("  CONSTRAINT `" + check.name() + "` CHECK (" + check.sql() + ")");
            }
        }
        ddl.append(String.join(",\n", lines)).append("\n) ENGINE=InnoDB")
                .append(nextAutoIncrement != null && nextAutoIncrement > 1 ? " AUTO_INCREMENT=" + nextAutoIncrement : "")
                .append(" DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci");
        String tableComment = comment(table.id(), 0);
        if (!tableComment.isEmpty()) {
            ddl.append(" COMMENT=").append(quoted(tableComment));
        }
        return new LocalRows(List.of(text("Table"), text("Create Table")), List.<Object[]>of(new Object[] {table.name(),
                ddl.toString()}));
    }

    /** ENUM columns (a VARCHAR with the CHECK MySQL's ENUM became) by name, with their ENUM(...) spelling. */
    /** The type as MySQL spells it: ENUM/SET from their CHECK, the spelling the column was declared with, else the stored type's. */
    private static String typeName(ColumnDef column, Map<String, String> enums) {
        String spelled = enums.get(column.name());
        if (spelled != null) {
            return spelled;
        }
        return column.declaredType() != null ? column.declaredType() : MysqlTypes.columnTypeName(column.type());
    }

    /**
     * A CHECK that UNSIGNED implies (column &gt;= 0, or &lt;= 255 for TINYINT UNSIGNED) on a column
     * declared unsigned: the type already says it, as in MySQL's SHOW CREATE TABLE.
     */
    private static boolean unsignedRange(TableDef table, CheckDef check) {
        for (ColumnDef column : table.columns()) {
            if (column.declaredType() != null && column.declaredType().endsWith(" unsigned")
                    && (check.sql().equals(column.name() + " >= 0") || check.sql().equals(column.name() + " <= 255"))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> enumColumns(TableDef table) {
        Map<String, String> enums = new java.util.HashMap<>();
        for (CheckDef check : table.checks()) {
            String column = enumColumn(check);
            if (column != null) {
                String keyword = check.sql().regionMatches(true, 0, "SET", 0, 3) ? "set" : "enum";
                enums.put(column, keyword + check.sql().substring(keyword.length()));
            }
        }
        return enums;
    }

    /**
     * The column a CHECK made from an ENUM type (the column IN the values) or a SET type (the
     * column's comma-separated elements contained in the members) restricts; null for any other CHECK.
     */
    private static String enumColumn(CheckDef check) {
        if (check.sql().regionMatches(true, 0, "ENUM(", 0, 5) && check.condition() instanceof Expr.InList in
                && in.operand() instanceof Expr.ColumnRef column) {
            return column.name().name();
        }
        if (check.sql().regionMatches(true, 0, "SET(", 0, 4) && check.condition() instanceof Expr.Binary contained
                && contained.left() instanceof Expr.FunctionCall split && !split.arguments().isEmpty()
                && split.arguments().getFirst() instanceof Expr.ColumnRef column) {
            return column.name().name();
        }
        return null;
    }

    LocalRows createDatabase(String name) {
        SchemaDef schema = schema(name);
        return new LocalRows(List.of(text("Database"), text("Create Database")), List.<Object[]>of(new Object[] {
                schema.name(), "CREATE DATABASE `" + schema.name() + "` /*!40100 DEFAULT CHARACTER SET utf8mb4 */"}));
    }

    static LocalRows variables(Map<String, Object> variables, String like) {
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, Object> entry : variables.entrySet()) {
            if (matches(like, entry.getKey())) {
                rows.add(new Object[] {entry.getKey(), entry.getValue() == null ? "" : entry.getValue().toString()});
            }
        }
        return new LocalRows(List.of(text("Variable_name"), text("Value")), rows);
    }

    static LocalRows characterSets(String like) {
        List<Object[]> rows = new ArrayList<>();
        if (matches(like, "utf8mb4")) {
            rows.add(new Object[] {"utf8mb4", "UTF-8 Unicode", "utf8mb4_general_ci", 4L});
        }
        return new LocalRows(List.of(text("Charset"), text("Description"), text("Default collation"), bigint("Maxlen")),
                rows);
    }

    static LocalRows collations(String like) {
        List<Object[]> rows = new ArrayList<>();
        if (matches(like, "utf8mb4_general_ci")) {
            rows.add(new Object[] {"utf8mb4_general_ci", "utf8mb4", (long) MysqlTypes.UTF8MB4_GENERAL_CI, "Yes", "Yes", 1L,
                    "PAD SPACE"});
        }
        return new LocalRows(List.of(text("Collation"), text("Charset"), bigint("Id"), text("Default"), text("Compiled"),
                bigint("Sortlen"), text("Pad_attribute")), rows);
    }

    static LocalRows engines() {
        return new LocalRows(List.of(text("Engine"), text("Support"), text("Comment"), text("Transactions"), text("XA"),
                text("Savepoints")), List.<Object[]>of(new Object[] {"WeftDB", "DEFAULT",
                "RocksDB storage, PostgreSQL transaction semantics", "YES", "NO", "YES"}));
    }

    /** SHOW WARNINGS: the engine's notices of the last statement. */
    static LocalRows warnings(List<Notice> notices) {
        List<Object[]> rows = new ArrayList<>();
        for (Notice notice : notices) {
            rows.add(new Object[] {notice.severity().equals("WARNING") ? "Warning" : "Note",
                    (long) (notice.code() == null ? MysqlVendorError.ER_UNKNOWN_ERROR : MysqlErrors.warningOf(notice.code())).code(),
                    notice.message()});
        }
        return new LocalRows(List.of(text("Level"), bigint("Code"), text("Message")), rows);
    }

    /** One connection as SHOW PROCESSLIST lists it; {@code query} is null while it sleeps. */
    record Connection(long id, String user, String host, String database, String query, long seconds) {}

    static LocalRows processList(List<Connection> connections) {
        List<Object[]> rows = new ArrayList<>();
        for (Connection connection : connections) {
            rows.add(new Object[] {connection.id(), connection.user(), connection.host(), connection.database(),
                    connection.query() == null ? "Sleep" : "Query", connection.seconds(),
                    connection.query() == null ? "" : "executing", connection.query()});
        }
        return new LocalRows(List.of(bigint("Id"), text("User"), text("Host"), text("db"), text("Command"), bigint("Time"),
                text("State"), text("Info")), rows);
    }

    static ResultColumn text(String name) {
        return new ResultColumn(name, DataType.VARCHAR);
    }

    static ResultColumn bigint(String name) {
        return new ResultColumn(name, DataType.BIGINT);
    }

    private SchemaDef schema(String name) {
        String wanted = name != null ? name : currentDatabase;
        if (wanted == null) {
            throw new MysqlException(MysqlVendorError.ER_NO_DB_ERROR, "No database selected");
        }
        SchemaDef schema = catalog.schemaByName(database.id(), wanted);
        if (schema == null) {
            throw new MysqlException(MysqlVendorError.ER_BAD_DB_ERROR, "Unknown database '" + wanted + "'");
        }
        return schema;
    }

    private TableDef table(QualifiedName name) {
        SchemaDef temporary = name.size() == 1 ? catalog.schemaByName(database.id(), temporarySchema) : null;
        if (temporary != null && catalog.relation(temporary.id(), name.name()) instanceof TableDef table) {
            return table;
        }
        SchemaDef schema = schema(name.qualifier());
        if (catalog.relation(schema.id(), name.name()) instanceof TableDef table) {
            return table;
        }
        throw new MysqlException(MysqlVendorError.ER_NO_SUCH_TABLE,
                "Table '" + schema.name() + "." + name.name() + "' doesn't exist");
    }

    private static String key(TableDef table, ColumnDef column) {
        for (IndexDef index : table.indexes()) {
            if (index.columnIds().isEmpty() || index.columnIds().get(0) != column.id()) {
                continue;
            }
            if (index.primary() && !table.hiddenRowId()) {
                return "PRI";
            }
            if (index.unique() && index.columnIds().size() == 1) {
                return "UNI";
            }
            if (!index.primary()) {
                return "MUL";
            }
        }
        return "";
    }

    private static boolean autoIncrement(ColumnDef column) {
        return column.defaultValue() instanceof Expr.FunctionCall call && call.name().name().equals("nextval");
    }

    private static String defaultText(ColumnDef column) {
        return switch (column.defaultValue()) {
            case null -> null;
            case Expr.Literal literal when literal.value() == null -> null;
            case Expr.Literal literal -> TextFormat.format(literal.value(), literal.type());
            case Expr.Unary unary when unary.operand() instanceof Expr.Literal literal -> "-" + literal.value();
            case Expr.SpecialValue special -> "CURRENT_TIMESTAMP";
            default -> column.defaultSql() != null ? column.defaultSql() : "(expression)";
        };
    }

    private static String collation(DataType type) {
        return type.kind().isString() ? "utf8mb4_general_ci" : null;
    }

    private static String indexColumns(TableDef table, List<Integer> columnIds) {
        List<String> names = new ArrayList<>();
        for (int id : columnIds) {
            names.add("`" + table.column(id).name() + "`");
        }
        return String.join(",", names);
    }

    private static void appendAction(StringBuilder line, String event, ReferentialAction action) {
        if (action != ReferentialAction.NO_ACTION) {
            line.append(" ON ").append(event).append(' ').append(action.name().replace('_', ' '));
        }
    }

    private static String relationName(CatalogObject relation) {
        return switch (relation) {
            case TableDef table -> table.name();
            case ViewDef view -> view.name();
            default -> "";
        };
    }

    private static <T> List<T> sorted(List<T> items, java.util.function.Function<T, String> name) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing(name));
        return copy;
    }

    /** MySQL's LIKE for SHOW: % and _ wildcards, backslash escapes, case-insensitive. */
    static boolean matches(String like, String value) {
        if (like == null) {
            return true;
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(value).matches();
    }
}
