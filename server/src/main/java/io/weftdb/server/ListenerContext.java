package io.weftdb.server;

import io.weftdb.engine.Engine;
import io.weftdb.ir.parse.SqlParser;
import java.util.Map;
import java.util.Objects;

/**
 * What a listener is built from: its port, the shared engine, and the SQL dialect parsers by name
 * ("postgres", "mysql") for front ends that take SQL in more than one dialect (HTTP).
 */
record ListenerContext(int port, Engine engine, Map<String, SqlParser> parsers) {

    ListenerContext {
        Objects.requireNonNull(engine, "engine");
        parsers = Map.copyOf(parsers);
    }
}
