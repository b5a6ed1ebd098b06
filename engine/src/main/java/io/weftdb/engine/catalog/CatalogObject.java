package io.weftdb.engine.catalog;

/** Anything the catalog persists: each kind is stored under its own key tag in the CATALOG keyspace. */
public sealed interface CatalogObject permits DatabaseDef, SchemaDef, TableDef, SequenceDef, ViewDef {
    long id();

    String name();
}
