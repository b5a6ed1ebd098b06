package io.weftdb.engine;

/**
 * Who a session is, which database it starts in, and the protocol it was opened over
 * ({@code postgresql}, {@code mysql}, {@code http}; {@code internal} otherwise), which statement
 * metrics are kept by.
 */
public record SessionOptions(String user, String database, String protocol) {
    public static final String DEFAULT_DATABASE = "postgres";
    public static final String DEFAULT_USER = "postgres";
    public static final String INTERNAL = "internal";

    public SessionOptions(String user, String database) {
        this(user, database, INTERNAL);
    }

    public static SessionOptions defaults() {
        return new SessionOptions(DEFAULT_USER, DEFAULT_DATABASE);
    }
}
