package io.weftdb.pg.wire.protocol;

/** What a Describe or Close message names: a prepared statement ('S') or a portal ('P'). */
public enum Target {
    STATEMENT('S'),
    PORTAL('P');

    private final char code;

    Target(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    static Target decode(byte code, String message) {
        return switch (code) {
            case 'S' -> STATEMENT;
            case 'P' -> PORTAL;
            default -> throw new ProtocolViolation("invalid " + message + " message subtype " + code);
        };
    }
}
