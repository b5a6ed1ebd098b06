package io.weftdb.engine.system;

import io.weftdb.engine.catalog.Catalog;
import io.weftdb.engine.catalog.CatalogObject;
import io.weftdb.engine.catalog.CheckDef;
import io.weftdb.engine.catalog.ColumnDef;
import io.weftdb.engine.catalog.DatabaseDef;
import io.weftdb.engine.catalog.ForeignKeyDef;
import io.weftdb.engine.catalog.IndexDef;
import io.weftdb.engine.catalog.RowLayout;
import io.weftdb.engine.catalog.SchemaDef;
import io.weftdb.engine.catalog.SequenceDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.stmt.ColumnDefinition.Identity;
import io.weftdb.ir.stmt.ReferentialAction;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small schema built directly as catalog objects, and a session context that answers the
 * settings the catalog views read:
 * <pre>
 * CREATE TABLE customer (id int PRIMARY KEY, name varchar(20) NOT NULL DEFAULT 'x', parent int REFERENCES customer(id));
 * CREATE INDEX customer_name ON customer (name DESC);
 * CREATE TABLE audit (note text CHECK (length(note) > 1));   -- no primary key: a hidden row id
 * CREATE SEQUENCE customer_id_seq OWNED BY customer.id;       -- as SERIAL would
 * CREATE SCHEMA archive; CREATE TABLE archive.customer (id bigint);
 * </pre>
 */
final class CatalogFixture {
    static final DatabaseDef DATABASE = new DatabaseDef(1000, "shop");
    static final SchemaDef PUBLIC = new SchemaDef(1001, 1000, "public");
    static final SchemaDef ARCHIVE = new SchemaDef(1002, 1000, "archive");
    static final TableDef CUSTOMER = table(1010, PUBLIC, "customer", List.of(
                    new ColumnDef(1, "id", DataType.INTEGER, true, null, null, Identity.NONE, null),
                    new ColumnDef(2, "name", DataType.varchar(20), true, new Expr.Literal("x", DataType.UNKNOWN, 0), null,
                            Identity.NONE, null),
                    new ColumnDef(3, "parent", DataType.INTEGER, false, null, null, Identity.NONE, null)),
            List.of(new IndexDef(1011, "customer_pkey", List.of(1), List.of(false), true, true, true),
                    new IndexDef(1012, "customer_name", List.of(2), List.of(true), false, false, false)),
            List.of(), List.of(new ForeignKeyDef("customer_parent_fkey", List.of(3), 1010, List.of(1),
                    ReferentialAction.CASCADE, ReferentialAction.NO_ACTION)), false);
    static final TableDef AUDIT = table(1020, PUBLIC, "audit",
            List.of(new ColumnDef(1, "note", DataType.TEXT, false, null, null, Identity.NONE, null)),
            List.of(new IndexDef(1021, "audit_rowid", List.of(), List.of(), true, true, false)),
            List.of(new CheckDef("audit_note_check", new Expr.Literal(true, DataType.BOOLEAN, 0), "length(note) > 1")),
            List.of(), true);
    static final SequenceDef SEQUENCE = new SequenceDef(1030, 1001, "customer_id_seq", DataType.INTEGER, 1, 1,
            Integer.MAX_VALUE, 1, 1, false, 1010, 1);
    static final TableDef ARCHIVED = table(1040, ARCHIVE, "customer",
            List.of(new ColumnDef(1, "id", DataType.BIGINT, false, null, null, Identity.NONE, null)),
            List.of(new IndexDef(1041, "customer_rowid", List.of(), List.of(), true, true, false)), List.of(), List.of(),
            true);

    static final Catalog CATALOG = Catalog.of(List.<CatalogObject>of(DATABASE, PUBLIC, ARCHIVE, CUSTOMER, AUDIT, SEQUENCE,
            ARCHIVED));

    private CatalogFixture() {
    }

    /** A table with one integer column and no primary key. */
    static TableDef singleColumnTable(long id, SchemaDef schema, String name) {
        return table(id, schema, name, List.of(new ColumnDef(1, "x", DataType.INTEGER, false, null, null, Identity.NONE,
                null)), List.of(new IndexDef(id + 1, name + "_rowid", List.of(), List.of(), true, true, false)), List.of(),
                List.of(), true);
    }

    private static TableDef table(long id, SchemaDef schema, String name, List<ColumnDef> columns, List<IndexDef> indexes,
                                  List<CheckDef> checks, List<ForeignKeyDef> foreignKeys, boolean hiddenRowId) {
        List<Integer> ids = new ArrayList<>();
        List<TypeKind> kinds = new ArrayList<>();
        for (ColumnDef column : columns) {
            ids.add(column.id());
            kinds.add(column.type().kind());
        }
        return new TableDef(id, schema.id(), name, columns, List.of(new RowLayout(1, ids, kinds)), indexes, checks,
                foreignKeys, columns.size() + 1, hiddenRowId);
    }

    /** The catalog views' context for a session of "alice" with the given search_path. */
    static SystemContext context(String searchPath) {
        return new SystemContext(CATALOG, DATABASE, "alice", new Settings(Map.of("search_path", searchPath)));
    }

    /** A session that knows only its settings, as the catalog views ask for them. */
    private record Settings(Map<String, String> values) implements EvaluationContext {
        @Override
        public Object callSessionFunction(String name, Object[] arguments) {
            if (!name.equals("current_setting") || !values.containsKey((String) arguments[0])) {
                throw new SqlException(ErrorCode.UNDEFINED_OBJECT, "unrecognized configuration parameter \""
                        + arguments[0] + "\"");
            }
            return values.get((String) arguments[0]);
        }

        @Override
        public List<Object> parameters() {
            return List.of();
        }

        @Override
        public Instant statementTimestamp() {
            return Instant.EPOCH;
        }

        @Override
        public Instant transactionTimestamp() {
            return Instant.EPOCH;
        }

        @Override
        public ZoneId timeZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public String currentUser() {
            return "alice";
        }

        @Override
        public String currentDatabase() {
            return DATABASE.name();
        }

        @Override
        public String currentSchema() {
            return "public";
        }
    }
}
