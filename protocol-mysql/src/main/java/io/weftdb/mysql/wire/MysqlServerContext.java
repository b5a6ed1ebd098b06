package io.weftdb.mysql.wire;

import io.weftdb.engine.Engine;
import io.weftdb.mysql.sql.MysqlSqlParser;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/** What every connection of one listener shares. */
record MysqlServerContext(Engine engine, MysqlSqlParser parser, MysqlServerConfig config, AccessControl access,
                          ConnectionRegistry connections, boolean tlsAvailable, String serverVersion, IntSupplier port,
                          Instant startedAt, AtomicLong questions) {
}
