package io.weftdb.server;

import io.weftdb.ir.parse.SqlParser;
import io.weftdb.mysql.sql.MysqlSqlParser;
import io.weftdb.pg.sql.PostgresSqlParser;
import java.util.Map;

/** The SQL dialects this build parses, by the name front ends use for them. */
final class SqlDialects {
    static final Map<String, SqlParser> PARSERS = Map.of("postgres", new PostgresSqlParser(),
            "mysql", new MysqlSqlParser());

    private SqlDialects() {
    }
}
