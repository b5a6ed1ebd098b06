package io.weftdb.engine;

/** Who a session is and which database it starts in. */
public record SessionOptions(String user, String database) {
    public static final String DEFAULT_DATABASE = "postgres";
    public static final String DEFAULT_USER = "postgres";

    public static SessionOptions defaults() {
        return new SessionOptions(DEFAULT_USER, DEFAULT_DATABASE);
    }
}
