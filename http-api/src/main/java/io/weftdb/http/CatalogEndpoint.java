package io.weftdb.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.undertow.server.HttpServerExchange;
import io.weftdb.engine.Engine;
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
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Catalog browsing from the engine's committed catalog (what a transaction starting now sees):
 * {@code GET /v1/databases}, {@code /v1/databases/{db}/tables} (tables, views and sequences of
 * every schema) and {@code /v1/databases/{db}/tables/{table}} ({@code schema.table}, or a name
 * looked up in public first) with columns, keys, indexes and constraints.
 */
final class CatalogEndpoint {
    private final Engine engine;

    CatalogEndpoint(Engine engine) {
        this.engine = engine;
    }

    void databases(HttpServerExchange exchange) {
        Catalog catalog = engine.catalog();
        List<DatabaseDef> databases = new ArrayList<>(catalog.databases());
        databases.sort(Comparator.comparing(DatabaseDef::name));
        Exchanges.sendJson(exchange, 200, json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("databases");
            for (DatabaseDef database : databases) {
                json.writeStartObject();
                json.writeStringField("name", database.name());
                json.writeArrayFieldStart("schemas");
                for (SchemaDef schema : sortedSchemas(catalog, database)) {
                    json.writeString(schema.name());
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    void tables(HttpServerExchange exchange, String databaseName) {
        Catalog catalog = engine.catalog();
        DatabaseDef database = database(catalog, databaseName);
        Exchanges.sendJson(exchange, 200, json -> {
            json.writeStartObject();
            json.writeStringField("database", database.name());
            json.writeArrayFieldStart("tables");
            for (SchemaDef schema : sortedSchemas(catalog, database)) {
                List<CatalogObject> relations = new ArrayList<>(catalog.relations(schema.id()));
                relations.sort(Comparator.comparing(CatalogEndpoint::name));
                for (CatalogObject relation : relations) {
                    json.writeStartObject();
                    json.writeStringField("schema", schema.name());
                    json.writeStringField("name", name(relation));
                    json.writeStringField("kind", kind(relation));
                    if (relation instanceof TableDef table) {
                        json.writeNumberField("columns", table.columns().size());
                    }
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    void table(HttpServerExchange exchange, String databaseName, String tableName) {
        Catalog catalog = engine.catalog();
        DatabaseDef database = database(catalog, databaseName);
        CatalogObject relation = relation(catalog, database, tableName);
        SchemaDef schema = catalog.schema(schemaId(relation));
        Exchanges.sendJson(exchange, 200, json -> {
            json.writeStartObject();
            json.writeStringField("database", database.name());
            json.writeStringField("schema", schema.name());
            json.writeStringField("name", name(relation));
            json.writeStringField("kind", kind(relation));
            switch (relation) {
                case TableDef table -> writeTable(json, catalog, table);
                case ViewDef view -> {
                    json.writeArrayFieldStart("columns");
                    for (String column : view.columnNames()) {
                        json.writeStartObject();
                        json.writeStringField("name", column);
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                    json.writeStringField("definition", view.sql());
                }
                case SequenceDef sequence -> {
                    json.writeStringField("type", sequence.type().sqlName());
                    json.writeNumberField("start", sequence.start());
                    json.writeNumberField("increment", sequence.increment());
                    json.writeNumberField("minValue", sequence.minValue());
                    json.writeNumberField("maxValue", sequence.maxValue());
                    json.writeBooleanField("cycle", sequence.cycle());
                }
                case DatabaseDef ignored -> throw new IllegalStateException("a relation is never a database");
                case SchemaDef ignored -> throw new IllegalStateException("a relation is never a schema");
            }
            json.writeEndObject();
        });
    }

    private static void writeTable(JsonGenerator json, Catalog catalog, TableDef table) throws IOException {
        json.writeArrayFieldStart("columns");
        for (ColumnDef column : table.columns()) {
            json.writeStartObject();
            json.writeStringField("name", column.name());
            json.writeStringField("type", column.type().sqlName());
            json.writeBooleanField("nullable", !column.notNull());
            json.writeBooleanField("hasDefault", column.defaultValue() != null || column.defaultSql() != null);
            if (column.defaultSql() != null) {
                // The engine keeps the source text of generated defaults (serial's nextval) only.
                json.writeStringField("default", column.defaultSql());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("primaryKey");
        if (!table.hiddenRowId()) {
            for (int id : table.primaryIndex().columnIds()) {
                json.writeString(table.column(id).name());
            }
        }
        json.writeEndArray();
        json.writeArrayFieldStart("indexes");
        for (IndexDef index : table.indexes()) {
            if (index.primary() && table.hiddenRowId()) {
                continue;
            }
            json.writeStartObject();
            json.writeStringField("name", index.name());
            writeColumnNames(json, "columns", table, index.columnIds());
            json.writeBooleanField("unique", index.unique());
            json.writeBooleanField("primary", index.primary());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("foreignKeys");
        for (ForeignKeyDef key : table.foreignKeys()) {
            TableDef referenced = catalog.table(key.referencedTableId());
            json.writeStartObject();
            json.writeStringField("name", key.name());
            writeColumnNames(json, "columns", table, key.columnIds());
            json.writeStringField("referencedTable", referenced == null ? null : referenced.name());
            if (referenced != null) {
                writeColumnNames(json, "referencedColumns", referenced, key.referencedColumnIds());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("checks");
        for (CheckDef check : table.checks()) {
            json.writeStartObject();
            json.writeStringField("name", check.name());
            json.writeStringField("expression", check.sql());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeColumnNames(JsonGenerator json, String field, TableDef table, List<Integer> columnIds)
            throws IOException {
        json.writeArrayFieldStart(field);
        for (int id : columnIds) {
            ColumnDef column = table.column(id);
            json.writeString(column == null ? null : column.name());
        }
        json.writeEndArray();
    }

    static DatabaseDef database(Catalog catalog, String name) {
        DatabaseDef database = catalog.databaseByName(name);
        if (database == null) {
            throw ApiError.notFound("3D000", "database \"" + name + "\" does not exist");
        }
        return database;
    }

    private static CatalogObject relation(Catalog catalog, DatabaseDef database, String name) {
        int dot = name.indexOf('.');
        if (dot > 0) {
            SchemaDef schema = catalog.schemaByName(database.id(), name.substring(0, dot));
            CatalogObject found = schema == null ? null : catalog.relation(schema.id(), name.substring(dot + 1));
            if (found == null) {
                throw ApiError.notFound("42P01", "relation \"" + name + "\" does not exist");
            }
            return found;
        }
        SchemaDef publicSchema = catalog.schemaByName(database.id(), "public");
        if (publicSchema != null && catalog.relation(publicSchema.id(), name) != null) {
            return catalog.relation(publicSchema.id(), name);
        }
        for (SchemaDef schema : sortedSchemas(catalog, database)) {
            CatalogObject found = catalog.relation(schema.id(), name);
            if (found != null) {
                return found;
            }
        }
        throw ApiError.notFound("42P01", "relation \"" + name + "\" does not exist");
    }

    private static List<SchemaDef> sortedSchemas(Catalog catalog, DatabaseDef database) {
        List<SchemaDef> schemas = new ArrayList<>(catalog.schemas(database.id()));
        schemas.sort(Comparator.comparing(SchemaDef::name));
        return schemas;
    }

    private static String name(CatalogObject object) {
        return switch (object) {
            case TableDef table -> table.name();
            case ViewDef view -> view.name();
            case SequenceDef sequence -> sequence.name();
            case DatabaseDef database -> database.name();
            case SchemaDef schema -> schema.name();
        };
    }

    private static long schemaId(CatalogObject object) {
        return switch (object) {
            case TableDef table -> table.schemaId();
            case ViewDef view -> view.schemaId();
            case SequenceDef sequence -> sequence.schemaId();
            case DatabaseDef database -> -1;
            case SchemaDef schema -> schema.id();
        };
    }

    private static String kind(CatalogObject object) {
        return switch (object) {
            case TableDef table -> "table";
            case ViewDef view -> "view";
            case SequenceDef sequence -> "sequence";
            case DatabaseDef database -> "database";
            case SchemaDef schema -> "schema";
        };
    }
}
