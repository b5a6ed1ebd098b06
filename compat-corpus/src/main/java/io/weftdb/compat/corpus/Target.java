package io.weftdb.compat.corpus;

/** A protocol and mode the corpus runs through: the columns of the status matrix. */
public enum Target {
    PG_SIMPLE("pg-simple", "pg", "PostgreSQL wire, simple query (pgjdbc preferQueryMode=simple)",
            "preferQueryMode=simple"),
    PG_EXTENDED_TEXT("pg-extended-text", "pg", "PostgreSQL wire, extended protocol, text results",
            "preferQueryMode=extended&binaryTransfer=false"),
    PG_EXTENDED_BINARY("pg-extended-binary", "pg", "PostgreSQL wire, extended protocol, binary results",
            "prepareThreshold=-1&binaryTransfer=true"),
    MYSQL_TEXT("mysql-text", "mysql", "MySQL wire, text protocol (Connector/J)", "useServerPrepStmts=false"),
    MYSQL_PREPARED("mysql-prepared", "mysql", "MySQL wire, server-prepared statements (useServerPrepStmts=true)",
            "useServerPrepStmts=true"),
    HTTP_POSTGRES("http-postgres", "http", "HTTP POST /v1/sql, PostgreSQL dialect", "postgres"),
    HTTP_MYSQL("http-mysql", "http", "HTTP POST /v1/sql, MySQL dialect", "mysql");

    private final String id;
    private final String family;
    private final String description;
    /** The driver's URL options, or for HTTP the dialect name. */
    private final String options;

    Target(String id, String family, String description, String options) {
        this.id = id;
        this.family = family;
        this.description = description;
        this.options = options;
    }

    public String id() {
        return id;
    }

    public String family() {
        return family;
    }

    public String description() {
        return description;
    }

    public String options() {
        return options;
    }

    /** The SQL dialect its statements are written in. */
    public Scope dialect() {
        return switch (this) {
            case PG_SIMPLE, PG_EXTENDED_TEXT, PG_EXTENDED_BINARY, HTTP_POSTGRES -> Scope.PG;
            case MYSQL_TEXT, MYSQL_PREPARED, HTTP_MYSQL -> Scope.MYSQL;
        };
    }

    /** Whether an expected-fail selector ({@code @id} or {@code @family}, without the at sign) names it. */
    public boolean matches(String selector) {
        return selector.equals(id) || selector.equals(family);
    }

    /** Whether files of a corpus folder run on it: shared everywhere, pg/ on PostgreSQL wire, mysql/ on MySQL wire. */
    public boolean runs(Scope scope) {
        return switch (scope) {
            case SHARED -> true;
            case PG -> family.equals("pg");
            case MYSQL -> family.equals("mysql");
        };
    }
}
