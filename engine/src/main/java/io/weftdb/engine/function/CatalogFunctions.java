package io.weftdb.engine.function;

import static io.weftdb.engine.function.Overload.ANY;
import static io.weftdb.engine.function.Overload.of;

import io.weftdb.engine.catalog.CatalogObject;
import io.weftdb.engine.catalog.IndexDef;
import io.weftdb.engine.catalog.SequenceDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.catalog.ViewDef;
import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.engine.expr.Evaluator;
import io.weftdb.engine.system.Definitions;
import io.weftdb.engine.system.SystemContext;
import io.weftdb.engine.system.SystemOids;
import io.weftdb.engine.system.SystemTable;
import io.weftdb.engine.system.SystemTables;
import io.weftdb.engine.system.SystemTypes;
import io.weftdb.engine.system.Visibility;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The system catalog information functions clients call (psql's \d family, pgjdbc's
 * DatabaseMetaData, ORMs): visibility, object descriptions, definitions, privileges, sizes and
 * session facts. Arguments PostgreSQL types as oid or regclass take an oid number or a relation
 * name. Every function reads the statement's catalog, so none is folded to a constant.
 *
 * <p>Privilege checks answer true: WeftDB has no per-object privileges, every session may do
 * everything. Object sizes are RocksDB's estimate of a relation's key ranges. Comments
 * (obj_description and friends) are those COMMENT ON stored.
 */
final class CatalogFunctions {
    private static final DataType TEXT = DataType.TEXT;
    private static final DataType BOOLEAN = DataType.BOOLEAN;
    private static final DataType BIGINT = DataType.BIGINT;

    private CatalogFunctions() {
    }

    static void registerInto(FunctionRegistry registry) {
        registry.register("pg_get_userbyid", catalog(TEXT, (v, c) -> userName(v[0], c), ANY));
        registry.register("pg_table_is_visible", catalog(BOOLEAN, (v, c) -> tableIsVisible(v[0], c), ANY));
        registry.register("pg_type_is_visible", catalog(BOOLEAN, (v, c) -> typeExists(v[0]), ANY));
        // pg_proc, pg_operator and the other catalogs of these objects are empty: no oid names one (NULL, as for
        // an oid PostgreSQL does not know).
        for (String function : List.of("pg_function_is_visible", "pg_operator_is_visible", "pg_opclass_is_visible",
                "pg_opfamily_is_visible", "pg_conversion_is_visible", "pg_statistics_obj_is_visible",
                "pg_ts_parser_is_visible", "pg_ts_dict_is_visible", "pg_ts_template_is_visible", "pg_ts_config_is_visible")) {
            registry.register(function, catalog(BOOLEAN, (v, c) -> null, ANY));
        }
        registry.register("pg_collation_is_visible", catalog(BOOLEAN, (v, c) -> List.of(SystemTypes.DEFAULT_COLLATION,
                SystemTypes.C_COLLATION, SystemTypes.POSIX_COLLATION).contains(oid(v[0])) ? Boolean.TRUE : null, ANY));
        registry.register("format_type", catalog(TEXT, (v, c) -> v[0] == null ? null
                : SystemTypes.format(oid(v[0]), v[1] == null ? null : oid(v[1])), ANY, ANY).lenient());
        registry.register("pg_get_expr", catalog(TEXT, (v, c) -> v[0].toString(), ANY, ANY),
                catalog(TEXT, (v, c) -> v[0].toString(), ANY, ANY, ANY));
        registry.register("pg_get_indexdef", catalog(TEXT, (v, c) -> indexDefinition(v[0], 0, c), ANY),
                catalog(TEXT, (v, c) -> indexDefinition(v[0], oid(v[1]), c), ANY, ANY, ANY));
        registry.register("pg_get_constraintdef", catalog(TEXT, (v, c) -> constraintDefinition(v[0], c), ANY),
                catalog(TEXT, (v, c) -> constraintDefinition(v[0], c), ANY, ANY));
        registry.register("pg_get_viewdef", catalog(TEXT, (v, c) -> viewDefinition(v[0], c), ANY),
                catalog(TEXT, (v, c) -> viewDefinition(v[0], c), ANY, ANY));
        registry.register("pg_encoding_to_char", of(TEXT, (v, c) -> encodingName(oid(v[0])), ANY));
        // COMMENT ON texts: obj_description(oid [, catalog]), col_description(table, attnum), shobj_description(oid, catalog).
        registry.register("obj_description", catalog(TEXT, (v, c) -> comment(v[0], 0, c), ANY),
                catalog(TEXT, (v, c) -> comment(v[0], 0, c), ANY, ANY));
        registry.register("col_description", catalog(TEXT, (v, c) -> comment(v[0], v[1], c), ANY, ANY));
        registry.register("shobj_description", catalog(TEXT, (v, c) -> comment(v[0], 0, c), ANY, ANY));
        for (String privilege : List.of("has_table_privilege", "has_schema_privilege", "has_database_privilege",
                "has_sequence_privilege", "has_column_privilege", "has_function_privilege", "has_any_column_privilege")) {
            registry.register(privilege, catalog(BOOLEAN, (v, c) -> true, ANY, ANY),
                    catalog(BOOLEAN, (v, c) -> true, ANY, ANY, ANY), catalog(BOOLEAN, (v, c) -> true, ANY, ANY, ANY, ANY));
        }
        for (String size : List.of("pg_relation_size", "pg_total_relation_size", "pg_table_size", "pg_indexes_size")) {
            registry.register(size, catalog(BIGINT, (v, c) -> relationSize(size, v[0], c), ANY),
                    catalog(BIGINT, (v, c) -> relationSize(size, v[0], c), ANY, ANY));
        }
        registry.register("pg_stat_get_numscans", catalog(BIGINT, (v, c) -> scans(v[0], c), ANY));
        registry.register("pg_size_pretty", of(TEXT, (v, c) -> sizePretty((Long) v[0]), BIGINT));
        registry.register("pg_database_size", catalog(BIGINT, (v, c) -> databaseSize(v[0], c), ANY));
        registry.register("txid_current", catalog(BIGINT, (v, c) -> transactionId(c)));
        registry.register("pg_current_xact_id", catalog(BIGINT, (v, c) -> transactionId(c)));
        registry.register("pg_backend_pid", catalog(DataType.INTEGER,
                (v, c) -> c.callSessionFunction("pg_backend_pid", new Object[0])));
        // pg_cancel_backend / pg_terminate_backend(pid): cancel a session's statement, or end its connection
        // (its protocol closes it at once); false when no session has that pid.
        registry.register("pg_cancel_backend", catalog(BOOLEAN, (v, c) -> signal(v[0], false, c), DataType.INTEGER));
        registry.register("pg_terminate_backend", catalog(BOOLEAN, (v, c) -> signal(v[0], true, c), DataType.INTEGER),
                catalog(BOOLEAN, (v, c) -> signal(v[0], true, c), DataType.INTEGER, BIGINT));
        registry.register("pg_get_serial_sequence", catalog(TEXT, (v, c) -> serialSequence((String) v[0],
                (String) v[1], c), TEXT, TEXT));
        registry.register("current_schemas", catalog(DataType.arrayOf(TEXT), (v, c) -> currentSchemas((Boolean) v[0], c),
                BOOLEAN));
        registry.register("set_config", catalog(TEXT, (v, c) -> c.callSessionFunction("set_config",
                new Object[] {v[0], v[1], v[2]}), TEXT, TEXT, BOOLEAN));
        registry.register("current_setting", catalog(TEXT, (v, c) -> c.callSessionFunction("current_setting",
                new Object[] {v[0]}), TEXT), catalog(TEXT, (v, c) -> setting((String) v[0], (Boolean) v[1], c), TEXT,
                BOOLEAN));
        registry.register("to_regclass", catalog(BIGINT, (v, c) -> relationOid((String) v[0], SystemContext.of(c)), TEXT));
        registry.register("pg_relation_is_publishable", catalog(BOOLEAN, (v, c) -> relation(v[0], c) instanceof TableDef,
                ANY));
        registry.register("pg_is_in_recovery", of(BOOLEAN, (v, c) -> false));
        for (String type : List.of("regclass", "regtype", "regnamespace", "regrole", "regproc")) {
            registry.register(type, arguments -> objectReference(type, arguments));
        }
        // A relation that is not a partition is its own only ancestor (WeftDB has no partitioning).
        registry.register("pg_partition_ancestors", catalog(BIGINT, (v, c) -> relationArgument(v[0], SystemContext.of(c)),
                ANY));
        // No rows of pg_proc, pg_trigger or pg_statistic_ext exist to describe: these answer NULL for any oid.
        for (String function : List.of("pg_get_function_result", "pg_get_function_arguments",
                "pg_get_function_identity_arguments", "pg_get_triggerdef", "pg_get_statisticsobjdef_columns",
                "pg_get_functiondef", "pg_get_partkeydef")) {
            registry.register(function, catalog(TEXT, (v, c) -> null, ANY), catalog(TEXT, (v, c) -> null, ANY, ANY));
        }
        registry.register("pg_tablespace_location", of(TEXT, (v, c) -> "", ANY));
    }

    /**
     * {@code x::regclass} and the other object identifier casts. A name (text) becomes the object's
     * oid, so it compares with oid columns; an oid (a number) becomes the object's name, as
     * PostgreSQL prints a reg* value; an unknown oid prints as its number, as in PostgreSQL.
     */
    private static BoundExpr objectReference(String type, List<BoundExpr> arguments) {
        if (arguments.size() != 1) {
            return null;
        }
        BoundExpr argument = arguments.get(0);
        Evaluator input = argument.evaluator();
        boolean byName = argument.type().kind() == TypeKind.UNKNOWN || argument.type().kind().isString();
        if (!byName && !argument.type().kind().isInteger()) {
            return null;
        }
        return new BoundExpr((row, evaluation) -> {
            Object value = input.evaluate(row, evaluation);
            if (value == null) {
                return null;
            }
            SystemContext context = SystemContext.of(evaluation);
            String text = value.toString().strip();
            if (byName && !(text.chars().allMatch(Character::isDigit) && !text.isEmpty())) {
                return objectOid(type, text, context);
            }
            long oid = Long.parseLong(text);
            if (byName) {
                return oid;
            }
            String name = objectName(type, oid, context);
            return name != null ? name : oid == 0 ? "-" : String.valueOf(oid);
        }, byName ? BIGINT : TEXT, false);
    }

    private static long objectOid(String type, String text, SystemContext context) {
        Long oid = switch (type) {
            case "regclass" -> relationOid(text, context);
            case "regtype" -> typeOid(text);
            case "regnamespace" -> context.namespaceOid(nameParts(text).getLast());
            case "regrole" -> nameParts(text).getLast().equals(context.user()) ? SystemOids.SUPERUSER : null;
            default -> null;
        };
        if (oid != null) {
            return oid;
        }
        throw switch (type) {
            case "regclass" -> new SqlException(ErrorCode.UNDEFINED_TABLE, "relation \"" + text + "\" does not exist");
            case "regtype" -> new SqlException(ErrorCode.UNDEFINED_OBJECT, "type \"" + text + "\" does not exist");
            case "regnamespace" -> new SqlException(ErrorCode.UNDEFINED_SCHEMA, "schema \"" + text + "\" does not exist");
            case "regrole" -> new SqlException(ErrorCode.UNDEFINED_OBJECT, "role \"" + text + "\" does not exist");
            default -> new SqlException(ErrorCode.UNDEFINED_FUNCTION, "function \"" + text + "\" does not exist");
        };
    }

    /** A type's oid by its pg_type name or its SQL spelling (integer, character varying...). */
    private static Long typeOid(String text) {
        String name = nameParts(text).getLast();
        for (SystemTypes.TypeInfo type : SystemTypes.all()) {
            if (type.name().equals(name) || type.displayName().equals(name)) {
                return type.oid();
            }
        }
        return null;
    }

    private static String objectName(String type, long oid, SystemContext context) {
        return switch (type) {
            case "regclass" -> relationName(oid, context);
            case "regtype" -> SystemTypes.format(oid, null);
            case "regnamespace" -> {
                String name = context.namespaceName(oid);
                yield name == null ? null : Definitions.identifier(name);
            }
            case "regrole" -> oid == SystemOids.SUPERUSER ? Definitions.identifier(context.user()) : null;
            default -> null;
        };
    }

    /** A relation's name as regclass prints it: schema-qualified when the search path would not find it. */
    private static String relationName(long oid, SystemContext context) {
        for (SystemTable table : SystemTables.all()) {
            if (table.oid() == oid) {
                return table.schema().equals("pg_catalog") ? table.name() : table.schema() + "." + table.name();
            }
        }
        CatalogObject relation = context.relation(oid);
        long schema;
        String name;
        if (relation != null) {
            schema = SystemContext.schemaOf(relation);
            name = relation.name();
        } else {
            TableDef owner = context.tableOfIndex(oid);
            if (owner == null) {
                return null;
            }
            schema = owner.schemaId();
            name = SystemContext.index(owner, oid).name();
        }
        return Visibility.isVisible(context, schema, name) ? Definitions.identifier(name)
                : Definitions.identifier(context.namespaceName(schema)) + "." + Definitions.identifier(name);
    }

    /** An overload that reads the catalog or session: evaluated at run time, never folded. */
    private static boolean signal(Object pid, boolean terminate, EvaluationContext context) {
        for (Object open : (List<?>) context.callSessionFunction("open_sessions", new Object[0])) {
            if (open instanceof io.weftdb.engine.Session session && session.id() == ((Number) pid).longValue()) {
                if (terminate) {
                    session.terminate();
                } else {
                    session.cancel();
                }
                return true;
            }
        }
        return false;
    }

    private static Overload catalog(DataType result, Overload.Body body, DataType... parameters) {
        return of(result, body, parameters).volatileResult();
    }

    private static long oid(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(value.toString().strip());
        } catch (NumberFormatException notNumber) {
            throw new SqlException(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type oid: \""
                    + value + "\"");
        }
    }

    /** An oid argument given as a number, or as a relation name (PostgreSQL's regclass input). */
    private static long relationArgument(Object value, SystemContext context) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        String text = value.toString().strip();
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(text);
        }
        Long oid = relationOid(text, context);
        if (oid == null) {
            throw new SqlException(ErrorCode.UNDEFINED_TABLE, "relation \"" + text + "\" does not exist");
        }
        return oid;
    }

    /** A relation's oid by (possibly qualified, possibly quoted) name through the search path; null when none. */
    static Long relationOid(String text, SystemContext context) {
        List<String> parts = nameParts(text);
        String name = parts.getLast();
        List<Long> schemas = parts.size() > 1 ? new ArrayList<>() : context.effectiveSearchPath();
        if (parts.size() > 1) {
            Long schema = context.namespaceOid(parts.get(parts.size() - 2));
            if (schema == null) {
                throw new SqlException(ErrorCode.UNDEFINED_SCHEMA, "schema \"" + parts.get(parts.size() - 2)
                        + "\" does not exist");
            }
            schemas.add(schema);
        }
        for (long schema : schemas) {
            if (schema == SystemOids.PG_CATALOG || schema == SystemOids.INFORMATION_SCHEMA) {
                SystemTable table = SystemTables.find(schema == SystemOids.PG_CATALOG ? "pg_catalog" : "information_schema",
                        name);
                if (table != null) {
                    return table.oid();
                }
                continue;
            }
            CatalogObject relation = context.catalog().relation(schema, name);
            if (relation != null) {
                return relation.id();
            }
            TableDef owner = context.catalog().tableOfIndex(schema, name);
            if (owner != null) {
                return owner.indexes().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow().id();
            }
        }
        return null;
    }

    private static List<String> nameParts(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '.' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(quoted ? c : Character.toLowerCase(c));
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static String userName(Object oid, EvaluationContext context) {
        long value = oid(oid);
        return value == SystemOids.SUPERUSER ? context.currentUser() : "unknown (OID=" + value + ")";
    }

    /** Relations by oid: user tables, views, sequences and indexes, and the system relations. */
    private static Boolean tableIsVisible(Object value, EvaluationContext evaluation) {
        SystemContext context = SystemContext.of(evaluation);
        long oid = oid(value);
        for (SystemTable table : SystemTables.all()) {
            if (table.oid() == oid) {
                return table.schema().equals("pg_catalog")
                        && Visibility.isVisible(context, SystemOids.PG_CATALOG, table.name());
            }
        }
        CatalogObject relation = context.relation(oid);
        if (relation != null) {
            return Visibility.isVisible(context, SystemContext.schemaOf(relation), relation.name());
        }
        TableDef owner = context.tableOfIndex(oid);
        if (owner != null) {
            return Visibility.isVisible(context, owner.schemaId(), SystemContext.index(owner, oid).name());
        }
        return null;
    }

    private static Boolean typeExists(Object oid) {
        return SystemTypes.byOid(oid(oid)) != null ? Boolean.TRUE : null;
    }

    private static CatalogObject relation(Object value, EvaluationContext evaluation) {
        SystemContext context = SystemContext.of(evaluation);
        return context.relation(relationArgument(value, context));
    }

    private static String indexDefinition(Object value, long column, EvaluationContext evaluation) {
        SystemContext context = SystemContext.of(evaluation);
        long oid = relationArgument(value, context);
        TableDef table = context.tableOfIndex(oid);
        if (table == null) {
            return null;
        }
        IndexDef index = SystemContext.index(table, oid);
        return column == 0 ? Definitions.indexDefinition(context, table, index)
                : Definitions.indexColumn(table, index, (int) column);
    }

    private static String constraintDefinition(Object value, EvaluationContext evaluation) {
        SystemContext context = SystemContext.of(evaluation);
        SystemContext.Constraint constraint = context.constraint(oid(value));
        return constraint == null ? null : Definitions.constraintDefinition(context, constraint);
    }

    private static String viewDefinition(Object value, EvaluationContext evaluation) {
        return relation(value, evaluation) instanceof ViewDef view ? view.sql() : null;
    }

    private static String encodingName(long encoding) {
        return switch ((int) encoding) {
            case 0 -> "SQL_ASCII";
            case 6 -> "UTF8";
            default -> "";
        };
    }

    /** 0 for a table, view, sequence, index or catalog relation; NULL for an oid that names none, as in PostgreSQL. */
    /**
     * The bytes the store holds for a relation, approximately (RocksDB's estimate, compressed): a
     * table's rows are its primary index's key range, an index is its own range. pg_relation_size
     * and pg_table_size count the rows, pg_indexes_size the secondary indexes, pg_total_relation_size
     * both; views, sequences and system tables hold nothing here (0); an unknown oid gives NULL.
     */
    private static Long relationSize(String function, Object value, EvaluationContext evaluation) {
        SystemContext context = SystemContext.of(evaluation);
        long oid = relationArgument(value, context);
        TableDef indexed = context.tableOfIndex(oid);
        if (indexed != null) {
            return keyRangeSize(oid, context);
        }
        CatalogObject relation = context.relation(oid);
        if (relation instanceof TableDef table) {
            long rows = keyRangeSize(table.primaryIndex().id(), context);
            long indexes = 0;
            for (IndexDef index : table.indexes().subList(1, table.indexes().size())) {
                indexes += keyRangeSize(index.id(), context);
            }
            return switch (function) {
                case "pg_indexes_size" -> indexes;
                case "pg_total_relation_size" -> rows + indexes;
                default -> rows;
            };
        }
        boolean exists = relation != null || SystemTables.all().stream().anyMatch(table -> table.oid() == oid);
        return exists ? 0L : null;
    }

    /** The COMMENT ON text of an object (a column: its table and attnum), or null. */
    private static String comment(Object object, Object subId, EvaluationContext evaluation) {
        if (object == null || subId == null) {
            return null;
        }
        long oid = object instanceof Number number ? number.longValue() : relationArgument(object, SystemContext.of(evaluation));
        int sub = ((Number) subId).intValue();
        return (String) SystemContext.of(evaluation).session().callSessionFunction("comment", new Object[] {oid, sub});
    }

    private static long keyRangeSize(long indexId, SystemContext context) {
        return (Long) context.session().callSessionFunction("key_range_size", new Object[] {indexId});
    }

    /** pg_stat_get_numscans: full scans of a table, or scans and lookups through an index, since the server started. */
    private static Long scans(Object value, EvaluationContext evaluation) {
        SystemContext context = SystemContext.of(evaluation);
        long oid = relationArgument(value, context);
        if (context.tableOfIndex(oid) == null && context.relation(oid) == null) {
            return null;
        }
        return (Long) context.session().callSessionFunction("relation_scans", new Object[] {oid});
    }

    /** PostgreSQL's pg_size_pretty: bytes below 10 kB, then kB, MB, GB and TB, each rounded half away from zero. */
    static String sizePretty(long size) {
        long limit = 10 * 1024;
        long limit2 = limit * 2 - 1;
        if (Math.abs(size) < limit) {
            return size + " bytes";
        }
        // One extra bit is kept for rounding.
        long value = size >> 9;
        for (String unit : List.of("kB", "MB", "GB")) {
            if (Math.abs(value) < limit2) {
                return halfRounded(value) + " " + unit;
            }
            value >>= 10;
        }
        return halfRounded(value) + " TB";
    }

    private static long halfRounded(long value) {
        return (value + (value > 0 ? 1 : -1)) / 2;
    }

    private static Long databaseSize(Object value, EvaluationContext evaluation) {
        SystemContext context = SystemContext.of(evaluation);
        boolean exists = value instanceof Number number ? context.catalog().database(number.longValue()) != null
                : context.catalog().databaseByName(value.toString()) != null;
        if (!exists) {
            throw new SqlException(ErrorCode.UNDEFINED_DATABASE, "database \"" + value + "\" does not exist");
        }
        return 0L;
    }

    private static Long transactionId(EvaluationContext context) {
        if (!(context instanceof ExecutionEnvironment environment)) {
            throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "txid_current needs a running statement");
        }
        return environment.transaction().id();
    }

    /** The sequence a SERIAL or identity column draws from, schema-qualified, or NULL when the column has none. */
    private static String serialSequence(String tableName, String columnName, EvaluationContext evaluation) {
        SystemContext context = SystemContext.of(evaluation);
        Long oid = relationOid(tableName, context);
        if (oid == null) {
            throw new SqlException(ErrorCode.UNDEFINED_TABLE, "relation \"" + tableName + "\" does not exist");
        }
        if (!(context.relation(oid) instanceof TableDef table)) {
            return null;
        }
        String column = columnName.startsWith("\"") && columnName.endsWith("\"") && columnName.length() > 1
                ? columnName.substring(1, columnName.length() - 1) : columnName.toLowerCase(Locale.ROOT);
        int position = table.columnIndex(column);
        if (position < 0) {
            throw new SqlException(ErrorCode.UNDEFINED_COLUMN, "column \"" + column + "\" of relation \"" + table.name()
                    + "\" does not exist");
        }
        int columnId = table.columns().get(position).id();
        for (CatalogObject object : context.relations()) {
            if (object instanceof SequenceDef sequence && sequence.ownerTableId() == table.id()
                    && sequence.ownerColumnId() == columnId) {
                return Definitions.identifier(context.namespaceName(sequence.schemaId())) + "."
                        + Definitions.identifier(sequence.name());
            }
        }
        return null;
    }

    /** The effective search path; {@code implicit} adds pg_catalog where PostgreSQL searches it implicitly. */
    private static List<Object> currentSchemas(boolean implicit, EvaluationContext evaluation) {
        SystemContext context = SystemContext.of(evaluation);
        List<Object> names = new ArrayList<>();
        boolean listed = context.searchPath().contains("pg_catalog");
        for (long oid : context.effectiveSearchPath()) {
            if (oid != SystemOids.PG_CATALOG || implicit || listed) {
                names.add(context.namespaceName(oid));
            }
        }
        return names;
    }

    private static String setting(String name, boolean missingOk, EvaluationContext context) {
        try {
            return (String) context.callSessionFunction("current_setting", new Object[] {name});
        } catch (SqlException unknown) {
            if (missingOk && unknown.code() == ErrorCode.UNDEFINED_OBJECT) {
                return null;
            }
            throw unknown;
        }
    }
}
