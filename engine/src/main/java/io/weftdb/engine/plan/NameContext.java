package io.weftdb.engine.plan;

import io.weftdb.engine.catalog.Catalog;
import io.weftdb.engine.catalog.CatalogObject;
import io.weftdb.engine.catalog.DatabaseDef;
import io.weftdb.engine.catalog.SchemaDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import java.util.List;

/**
 * Resolves names as PostgreSQL does: unqualified relations through the search path, qualified ones
 * in their schema, three-part names only within the current database. {@code tempSchema} names the
 * session's schema of temporary tables (null for none): searched first unless the path names
 * {@code pg_temp} elsewhere, reachable as {@code pg_temp}, and never where new objects go unless named.
 */
public record NameContext(Catalog catalog, DatabaseDef database, List<String> searchPath, String user, String tempSchema) {
    /** The name that stands for the session's temporary schema. */
    public static final String PG_TEMP = "pg_temp";

    public NameContext(Catalog catalog, DatabaseDef database, List<String> searchPath, String user) {
        this(catalog, database, searchPath, user, null);
    }

    /** The same names over another catalog (a transaction's working one). */
    public NameContext withCatalog(Catalog other) {
        return new NameContext(other, database, searchPath, user, tempSchema);
    }

    /** The schema a qualified name points into, or null when the name is unqualified. */
    public SchemaDef explicitSchema(QualifiedName name, int position) {
        if (name.size() == 1) {
            return null;
        }
        if (name.size() > 3) {
            throw new SqlException(ErrorCode.SYNTAX_ERROR, "improper qualified name (too many dotted names): " + name, position);
        }
        if (name.size() == 3 && !name.parts().get(0).equals(database.name())) {
            throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "cross-database references are not implemented: " + name,
                    position);
        }
        String schemaName = name.qualifier().equals(PG_TEMP) && tempSchema != null ? tempSchema : name.qualifier();
        SchemaDef schema = catalog.schemaByName(database.id(), schemaName);
        if (schema == null) {
            throw new SqlException(ErrorCode.UNDEFINED_SCHEMA, "schema \"" + schemaName + "\" does not exist", position);
        }
        return schema;
    }

    /** The schemas of the search path that exist, in order ("$user" meaning the user's own schema). */
    public List<SchemaDef> searchSchemas() {
        List<String> path = searchPath;
        if (tempSchema != null && !path.contains(PG_TEMP)) {
            path = new java.util.ArrayList<>(path);
            path.addFirst(PG_TEMP);
        }
        return path.stream()
                .map(entry -> entry.equals("$user") ? user : entry.equals(PG_TEMP) ? tempSchema : entry)
                .filter(java.util.Objects::nonNull)
                .map(entry -> catalog.schemaByName(database.id(), entry))
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** A table, view or sequence by name, or null when there is none. */
    public CatalogObject findRelation(QualifiedName name, int position) {
        SchemaDef schema = explicitSchema(name, position);
        if (schema != null) {
            return catalog.relation(schema.id(), name.name());
        }
        for (SchemaDef candidate : searchSchemas()) {
            CatalogObject found = catalog.relation(candidate.id(), name.name());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    public CatalogObject relation(QualifiedName name, int position) {
        CatalogObject found = findRelation(name, position);
        if (found == null) {
            throw new SqlException(ErrorCode.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist", position);
        }
        return found;
    }

    public TableDef table(QualifiedName name, int position) {
        CatalogObject found = relation(name, position);
        if (found instanceof TableDef table) {
            return table;
        }
        throw new SqlException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a table", position);
    }

    /** The schema a new object goes into: the named one, else the first existing schema of the search path. */
    public SchemaDef schemaForCreate(QualifiedName name, int position) {
        SchemaDef schema = explicitSchema(name, position);
        if (schema != null) {
            return schema;
        }
        List<SchemaDef> schemas = searchSchemas().stream().filter(candidate -> !candidate.name().equals(tempSchema)).toList();
        if (schemas.isEmpty()) {
            throw new SqlException(ErrorCode.UNDEFINED_SCHEMA, "no schema has been selected to create in", position);
        }
        return schemas.get(0);
    }
}
