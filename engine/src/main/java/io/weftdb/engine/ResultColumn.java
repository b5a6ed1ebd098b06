package io.weftdb.engine;

import io.weftdb.ir.type.DataType;

/** A column of a result set. */
public record ResultColumn(String name, DataType type) {}
