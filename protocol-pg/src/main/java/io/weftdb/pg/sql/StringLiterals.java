package io.weftdb.pg.sql;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.antlr.v4.runtime.Token;

/** The value of a string literal token in each of PostgreSQL's quoting styles. */
final class StringLiterals {
    private StringLiterals() {
    }

    /** The value of a STRING, ESCAPE_STRING, UNICODE_STRING or DOLLAR_STRING token. */
    static String value(Token token, int position) {
        String text = token.getText();
        return switch (token.getType()) {
            case PostgresSqlLexer.STRING -> standard(text);
            case PostgresSqlLexer.ESCAPE_STRING -> escaped(text.substring(2, text.length() - 1), position);
            case PostgresSqlLexer.UNICODE_STRING ->
                    decodeUnicodeEscapes(text.substring(3, text.length() - 1).replace("''", "'"), position);
            case PostgresSqlLexer.DOLLAR_STRING -> dollarQuoted(text);
            default -> throw new IllegalArgumentException("not a string token: " + text);
        };
    }

    /** {@code 'it''s'}: standard_conforming_strings is on, so backslashes are ordinary characters. */
    static String standard(String text) {
        return text.substring(1, text.length() - 1).replace("''", "'");
    }

    private static String dollarQuoted(String text) {
        int delimiterLength = text.indexOf('$', 1) + 1;
        return text.substring(delimiterLength, text.length() - delimiterLength);
    }

    /**
     * The body of {@code E'...'}. Octal and hex escapes denote bytes, so consecutive ones are
     * collected and decoded as UTF-8 together ({@code E'\xC3\xA9'} is one character), as PostgreSQL
     * does in a UTF-8 database.
     */
    private static String escaped(String body, int position) {
        StringBuilder value = new StringBuilder(body.length());
        ByteArrayOutputStream pendingBytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\'' ) {
                flushBytes(pendingBytes, value, position);
                value.append('\'');
                i += 2;
                continue;
            }
            if (c != '\\' || i + 1 >= body.length()) {
                flushBytes(pendingBytes, value, position);
                value.append(c);
                i++;
                continue;
            }
            char escape = body.charAt(i + 1);
            if (escape >= '0' && escape <= '7') {
                int end = digitsEnd(body, i + 1, 3, 8);
                pendingBytes.write(Integer.parseInt(body.substring(i + 1, end), 8) & 0xFF);
                i = end;
            } else if (escape == 'x' && digitsEnd(body, i + 2, 2, 16) > i + 2) {
                int end = digitsEnd(body, i + 2, 2, 16);
                pendingBytes.write(Integer.parseInt(body.substring(i + 2, end), 16));
                i = end;
            } else if (escape == 'u' || escape == 'U') {
                flushBytes(pendingBytes, value, position);
                int length = escape == 'u' ? 4 : 8;
                if (digitsEnd(body, i + 2, length, 16) != i + 2 + length) {
                    throw invalidUnicodeEscape(position);
                }
                appendCodePoint(value, Long.parseLong(body.substring(i + 2, i + 2 + length), 16), position);
                i += 2 + length;
            } else {
                flushBytes(pendingBytes, value, position);
                value.append(switch (escape) {
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> escape;
                });
                i += 2;
            }
        }
        flushBytes(pendingBytes, value, position);
        return value.toString();
    }

    /** Resolves {@code \XXXX}, {@code \+XXXXXX} and {@code \\} in a U&amp; string or identifier. */
    static String decodeUnicodeEscapes(String body, int position) {
        StringBuilder value = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c != '\\') {
                value.append(c);
                i++;
            } else if (i + 1 < body.length() && body.charAt(i + 1) == '\\') {
                value.append('\\');
                i += 2;
            } else if (i + 1 < body.length() && body.charAt(i + 1) == '+') {
                if (digitsEnd(body, i + 2, 6, 16) != i + 8) {
                    throw invalidUnicodeEscape(position);
                }
                appendCodePoint(value, Long.parseLong(body.substring(i + 2, i + 8), 16), position);
                i += 8;
            } else {
                if (digitsEnd(body, i + 1, 4, 16) != i + 5) {
                    throw invalidUnicodeEscape(position);
                }
                appendCodePoint(value, Long.parseLong(body.substring(i + 1, i + 5), 16), position);
                i += 5;
            }
        }
        return value.toString();
    }

    /** Appends a code point; UTF-16 surrogate halves written as two escapes pair up in the builder. */
    private static void appendCodePoint(StringBuilder value, long codePoint, int position) {
        if (codePoint == 0 || codePoint > Character.MAX_CODE_POINT) {
            throw new SqlException(ErrorCode.SYNTAX_ERROR, "invalid Unicode escape value", position);
        }
        value.appendCodePoint((int) codePoint);
    }

    private static int digitsEnd(String body, int start, int maxDigits, int radix) {
        int end = start;
        while (end < body.length() && end - start < maxDigits && Character.digit(body.charAt(end), radix) >= 0) {
            end++;
        }
        return end;
    }

    private static void flushBytes(ByteArrayOutputStream pendingBytes, StringBuilder value, int position) {
        if (pendingBytes.size() == 0) {
            return;
        }
        byte[] bytes = pendingBytes.toByteArray();
        pendingBytes.reset();
        for (byte b : bytes) {
            if (b == 0) {
                throw invalidByteSequence(bytes, position);
            }
        }
        try {
            value.append(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)));
        } catch (CharacterCodingException e) {
            throw invalidByteSequence(bytes, position);
        }
    }

    private static SqlException invalidByteSequence(byte[] bytes, int position) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(hex.isEmpty() ? "0x" : " 0x").append(String.format("%02x", b & 0xFF));
        }
        return new SqlException(ErrorCode.CHARACTER_NOT_IN_REPERTOIRE,
                "invalid byte sequence for encoding \"UTF8\": " + hex, position);
    }

    private static SqlException invalidUnicodeEscape(int position) {
        return new SqlException(ErrorCode.SYNTAX_ERROR, "invalid Unicode escape", position)
                .withHint("Unicode escapes must be \\XXXX or \\+XXXXXX.");
    }
}
