package io.weftdb.engine.catalog;

public record SchemaDef(long id, long databaseId, String name) implements CatalogObject {}
