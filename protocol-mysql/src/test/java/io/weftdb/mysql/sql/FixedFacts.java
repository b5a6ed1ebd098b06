package io.weftdb.mysql.sql;

import io.weftdb.mysql.error.MysqlException;
import io.weftdb.mysql.error.MysqlVendorError;
import java.util.Map;

/** Session facts with fixed values, for translating statements without a connection. */
record FixedFacts(String currentDatabase, long lastInsertId, Map<String, Object> variables) implements SessionFacts {
    static final FixedFacts IN_PUBLIC = new FixedFacts("public", 7, Map.of("version", "8.0.36-WeftDB", "autocommit", 1L));

    @Override
    public String userAtHost() {
        return "app@localhost";
    }

    @Override
    public Object userVariable(String name) {
        return null;
    }

    @Override
    public boolean foundRows() {
        return false;
    }

    @Override
    public long connectionId() {
        return 42;
    }

    @Override
    public Object systemVariable(String name, boolean global) {
        if (!variables.containsKey(name)) {
            throw new MysqlException(MysqlVendorError.ER_UNKNOWN_SYSTEM_VARIABLE, "Unknown system variable '" + name + "'");
        }
        return variables.get(name);
    }
}
