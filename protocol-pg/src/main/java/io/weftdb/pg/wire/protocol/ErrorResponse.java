package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;

/**
 * ErrorResponse and NoticeResponse: {@code Byte1('E' | 'N') Int32(length) (Byte1(field code)
 * String(value))* Byte1(0)}. The fields written are S and V (severity, localized and not), C
 * (SQLSTATE), M (message), and when present D (detail), H (hint) and P (1-based character position
 * in the query string).
 */
public record ErrorResponse(Kind kind, String severity, String sqlState, String message, String detail, String hint,
                            int position) implements BackendMessage {

    /** Whether the report is an error ('E') or a notice ('N'). */
    public enum Kind {
        ERROR('E'),
        NOTICE('N');

        private final char type;

        Kind(char type) {
            this.type = type;
        }

        public char type() {
            return type;
        }
    }

    public static final String SEVERITY_ERROR = "ERROR";
    public static final String SEVERITY_FATAL = "FATAL";

    public static ErrorResponse error(String sqlState, String message) {
        return new ErrorResponse(Kind.ERROR, SEVERITY_ERROR, sqlState, message, null, null, 0);
    }

    public static ErrorResponse fatal(String sqlState, String message) {
        return new ErrorResponse(Kind.ERROR, SEVERITY_FATAL, sqlState, message, null, null, 0);
    }

    public static ErrorResponse notice(String severity, String sqlState, String message) {
        return new ErrorResponse(Kind.NOTICE, severity, sqlState, message, null, null, 0);
    }

    /** Decodes the fields after the header of an 'E' or 'N' message. */
    public static ErrorResponse decode(Kind kind, ByteBuf body) {
        String severity = null;
        String sqlState = null;
        String message = null;
        String detail = null;
        String hint = null;
        int position = 0;
        while (true) {
            WireFormat.require(body, 1);
            byte code = body.readByte();
            if (code == 0) {
                break;
            }
            String value = WireFormat.readCString(body);
            switch (code) {
                case 'V' -> severity = value;
                case 'S' -> severity = severity == null ? value : severity;
                case 'C' -> sqlState = value;
                case 'M' -> message = value;
                case 'D' -> detail = value;
                case 'H' -> hint = value;
                case 'P' -> position = Integer.parseInt(value);
                default -> {
                    // Fields this server never sends (where, schema, file, line...) are skipped.
                }
            }
        }
        return new ErrorResponse(kind, severity, sqlState, message, detail, hint, position);
    }

    @Override
    public void write(ByteBuf out) {
        int start = WireFormat.begin(out, kind.type());
        field(out, 'S', severity);
        field(out, 'V', severity);
        field(out, 'C', sqlState);
        field(out, 'M', message == null ? "" : message);
        field(out, 'D', detail);
        field(out, 'H', hint);
        if (position > 0) {
            field(out, 'P', Integer.toString(position));
        }
        out.writeByte(0);
        WireFormat.end(out, start);
    }

    private static void field(ByteBuf out, char code, String value) {
        if (value != null) {
            out.writeByte(code);
            WireFormat.writeCString(out, value);
        }
    }
}
