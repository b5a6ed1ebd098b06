package io.weftdb.engine.function;

import static io.weftdb.engine.function.Overload.of;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.Bytes;
import io.weftdb.ir.type.DataType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** Binary strings: encode/decode (hex, base64, escape), the SHA-2 digests and UTF8 conversion. */
final class ByteaFunctions {
    private static final DataType BYTEA = DataType.BYTEA;
    private static final DataType TEXT = DataType.TEXT;

    private ByteaFunctions() {
    }

    static void registerInto(FunctionRegistry registry) {
        registry.registerOperator("||", of(BYTEA, (v, c) -> concat((Bytes) v[0], (Bytes) v[1]), BYTEA, BYTEA));
        registry.register("substring",
                of(BYTEA, (v, c) -> substring((Bytes) v[0], (Long) v[1], null), BYTEA, DataType.INTEGER),
                of(BYTEA, (v, c) -> substring((Bytes) v[0], (Long) v[1], (Long) v[2]), BYTEA, DataType.INTEGER,
                        DataType.INTEGER));
        registry.register("encode", of(TEXT, (v, c) -> encode((Bytes) v[0], (String) v[1]), BYTEA, TEXT));
        registry.register("decode", of(BYTEA, (v, c) -> decode((String) v[0], (String) v[1]), TEXT, TEXT));
        for (String algorithm : new String[] {"sha224", "sha256", "sha384", "sha512"}) {
            String javaName = "SHA-" + algorithm.substring(3);
            registry.register(algorithm, of(BYTEA, (v, c) -> digest(javaName, (Bytes) v[0]), BYTEA));
        }
        registry.register("convert_to", of(BYTEA, (v, c) -> {
            requireUtf8((String) v[1]);
            return Bytes.wrap(((String) v[0]).getBytes(StandardCharsets.UTF_8));
        }, TEXT, TEXT));
        registry.register("convert_from", of(TEXT, (v, c) -> {
            requireUtf8((String) v[1]);
            return new String(((Bytes) v[0]).unsafeArray(), StandardCharsets.UTF_8);
        }, BYTEA, TEXT));
    }

    private static Bytes concat(Bytes left, Bytes right) {
        byte[] joined = java.util.Arrays.copyOf(left.unsafeArray(), left.length() + right.length());
        System.arraycopy(right.unsafeArray(), 0, joined, left.length(), right.length());
        return Bytes.wrap(joined);
    }

    /** substring of bytes, with the same start and count rules as text. */
    private static Bytes substring(Bytes value, long start, Long count) {
        if (count != null && count < 0) {
            throw new SqlException(ErrorCode.SUBSTRING_ERROR, "negative substring length not allowed");
        }
        long end = count == null || start + count < start ? Long.MAX_VALUE : start + count;
        long from = Math.max(start, 1);
        long to = Math.min(end, value.length() + 1L);
        return from >= to ? Bytes.EMPTY
                : Bytes.wrap(java.util.Arrays.copyOfRange(value.unsafeArray(), (int) from - 1, (int) to - 1));
    }

    private static SqlException unrecognized(String format) {
        return new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "unrecognized encoding: \"" + format + "\"");
    }

    private static String encode(Bytes value, String format) {
        byte[] data = value.unsafeArray();
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "hex" -> HexFormat.of().formatHex(data);
            case "base64" -> Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(data);
            case "escape" -> escape(data);
            default -> throw unrecognized(format);
        };
    }

    /** escape: bytes outside printable ASCII as \nnn octal, backslashes doubled. */
    private static String escape(byte[] data) {
        StringBuilder out = new StringBuilder();
        for (byte b : data) {
            int c = b & 0xff;
            if (c == '\\') {
                out.append("\\\\");
            } else if (c == 0 || c >= 0x80) {
                out.append(String.format("\\%03o", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    private static Bytes decode(String text, String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "hex" -> decodeHex(text);
            case "base64" -> {
                try {
                    yield Bytes.wrap(Base64.getMimeDecoder().decode(text));
                } catch (IllegalArgumentException e) {
                    throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid base64 end sequence")
                            .withHint("Input data is missing padding, is truncated, or is otherwise corrupted.");
                }
            }
            case "escape" -> decodeEscape(text);
            default -> throw unrecognized(format);
        };
    }

    private static Bytes decodeHex(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int high = Character.digit(text.charAt(i), 16);
            if (high < 0) {
                throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid hexadecimal digit: \"" + text.charAt(i) + "\"");
            }
            if (i + 1 >= text.length()) {
                throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid hexadecimal data: odd number of digits");
            }
            int low = Character.digit(text.charAt(i + 1), 16);
            if (low < 0) {
                throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid hexadecimal digit: \"" + text.charAt(i + 1) + "\"");
            }
            out.write(high * 16 + low);
            i += 2;
        }
        return Bytes.wrap(out.toByteArray());
    }

    private static Bytes decodeEscape(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\\') {
                out.write(bytes[i]);
            } else if (i + 1 < bytes.length && bytes[i + 1] == '\\') {
                out.write('\\');
                i++;
            } else if (i + 3 < bytes.length && isOctal(bytes[i + 1]) && isOctal(bytes[i + 2]) && isOctal(bytes[i + 3])) {
                out.write((bytes[i + 1] - '0') * 64 + (bytes[i + 2] - '0') * 8 + (bytes[i + 3] - '0'));
                i += 3;
            } else {
                throw new SqlException(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bytea");
            }
        }
        return Bytes.wrap(out.toByteArray());
    }

    private static boolean isOctal(byte b) {
        return b >= '0' && b <= '7';
    }

    private static Bytes digest(String algorithm, Bytes value) {
        try {
            return Bytes.wrap(MessageDigest.getInstance(algorithm).digest(value.unsafeArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides " + algorithm, e);
        }
    }

    private static void requireUtf8(String encoding) {
        String normalized = encoding.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        if (!normalized.equals("UTF8") && !normalized.equals("UNICODE")) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid destination encoding name \"" + encoding + "\"");
        }
    }
}
