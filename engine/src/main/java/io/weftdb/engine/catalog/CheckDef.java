package io.weftdb.engine.catalog;

import io.weftdb.ir.expr.Expr;

/** A CHECK constraint; {@code sql} is its source text for catalog views and messages. */
public record CheckDef(String name, Expr condition, String sql) {}
