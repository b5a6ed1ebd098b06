package io.weftdb.engine.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One immutable version of the catalog. A transaction that runs DDL works on its own copy (each
 * change returns a new Catalog) and publishes it at commit; everyone else keeps reading the version
 * they started with. Name lookups use indexes built once per version.
 */
public final class Catalog {
    public static final Catalog EMPTY = new Catalog(Map.of());

    private final Map<Long, CatalogObject> objects;
    private volatile Names names;

    private Catalog(Map<Long, CatalogObject> objects) {
        this.objects = objects;
    }

    public static Catalog of(Iterable<CatalogObject> all) {
        Map<Long, CatalogObject> map = new HashMap<>();
        for (CatalogObject object : all) {
            map.put(object.id(), object);
        }
        return new Catalog(Collections.unmodifiableMap(map));
    }

    public Catalog with(CatalogObject object) {
        Map<Long, CatalogObject> copy = new HashMap<>(objects);
        copy.put(object.id(), object);
        return new Catalog(Collections.unmodifiableMap(copy));
    }

    public Catalog without(long id) {
        Map<Long, CatalogObject> copy = new HashMap<>(objects);
        copy.remove(id);
        return new Catalog(Collections.unmodifiableMap(copy));
    }

    public CatalogObject object(long id) {
        return objects.get(id);
    }

    public TableDef table(long id) {
        return objects.get(id) instanceof TableDef table ? table : null;
    }

    public SequenceDef sequence(long id) {
        return objects.get(id) instanceof SequenceDef sequence ? sequence : null;
    }

    public SchemaDef schema(long id) {
        return objects.get(id) instanceof SchemaDef schema ? schema : null;
    }

    public DatabaseDef database(long id) {
        return objects.get(id) instanceof DatabaseDef database ? database : null;
    }

    public DatabaseDef databaseByName(String name) {
        return names().databases.get(name);
    }

    public SchemaDef schemaByName(long databaseId, String name) {
        return names().schemas.get(new ScopedName(databaseId, name));
    }

    /** A table, view or sequence of the schema by name, or null. */
    public CatalogObject relation(long schemaId, String name) {
        return names().relations.get(new ScopedName(schemaId, name));
    }

    /** The table owning an index of that name in the schema, or null. */
    public TableDef tableOfIndex(long schemaId, String indexName) {
        Long tableId = names().indexes.get(new ScopedName(schemaId, indexName));
        return tableId == null ? null : table(tableId);
    }

    public List<DatabaseDef> databases() {
        return ofType(DatabaseDef.class);
    }

    public List<SchemaDef> schemas(long databaseId) {
        List<SchemaDef> result = new ArrayList<>();
        for (SchemaDef schema : ofType(SchemaDef.class)) {
            if (schema.databaseId() == databaseId) {
                result.add(schema);
            }
        }
        return result;
    }

    /** Tables, views and sequences of a schema. */
    public List<CatalogObject> relations(long schemaId) {
        List<CatalogObject> result = new ArrayList<>();
        for (CatalogObject object : objects.values()) {
            long owner = switch (object) {
                case TableDef table -> table.schemaId();
                case ViewDef view -> view.schemaId();
                case SequenceDef sequence -> sequence.schemaId();
                case DatabaseDef database -> -1;
                case SchemaDef schema -> -1;
            };
            if (owner == schemaId) {
                result.add(object);
            }
        }
        return result;
    }

    public <T extends CatalogObject> List<T> ofType(Class<T> type) {
        List<T> result = new ArrayList<>();
        for (CatalogObject object : objects.values()) {
            if (type.isInstance(object)) {
                result.add(type.cast(object));
            }
        }
        return result;
    }

    public List<CatalogObject> all() {
        return List.copyOf(objects.values());
    }

    private Names names() {
        Names result = names;
        if (result == null) {
            result = new Names(objects);
            names = result;
        }
        return result;
    }

    private record ScopedName(long scopeId, String name) {}

    /** Name indexes of one catalog version. */
    private static final class Names {
        final Map<String, DatabaseDef> databases = new HashMap<>();
        final Map<ScopedName, SchemaDef> schemas = new HashMap<>();
        final Map<ScopedName, CatalogObject> relations = new HashMap<>();
        final Map<ScopedName, Long> indexes = new HashMap<>();

        Names(Map<Long, CatalogObject> objects) {
            for (CatalogObject object : objects.values()) {
                switch (object) {
                    case DatabaseDef database -> databases.put(database.name(), database);
                    case SchemaDef schema -> schemas.put(new ScopedName(schema.databaseId(), schema.name()), schema);
                    case TableDef table -> {
                        relations.put(new ScopedName(table.schemaId(), table.name()), table);
                        for (IndexDef index : table.indexes()) {
                            if (index.name() != null) {
                                indexes.put(new ScopedName(table.schemaId(), index.name()), table.id());
                            }
                        }
                    }
                    case ViewDef view -> relations.put(new ScopedName(view.schemaId(), view.name()), view);
                    case SequenceDef sequence -> relations.put(new ScopedName(sequence.schemaId(), sequence.name()), sequence);
                }
            }
        }
    }
}
