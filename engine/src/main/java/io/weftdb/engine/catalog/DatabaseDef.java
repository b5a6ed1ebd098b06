package io.weftdb.engine.catalog;

public record DatabaseDef(long id, String name) implements CatalogObject {}
