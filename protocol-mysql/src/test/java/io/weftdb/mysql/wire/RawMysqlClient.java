package io.weftdb.mysql.wire;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** A minimal blocking MySQL client for byte-level tests: it frames and reads raw packets. */
final class RawMysqlClient implements AutoCloseable {
    record Packet(int sequenceId, byte[] payload) {
        int first() {
            return payload[0] & 0xFF;
        }

        /** The error code of an ERR packet. */
        int errorCode() {
            return (payload[1] & 0xFF) | (payload[2] & 0xFF) << 8;
        }

        String sqlState() {
            return new String(payload, 4, 5, StandardCharsets.US_ASCII);
        }

        /** The status flags of an OK packet whose two length-encoded integers are single bytes. */
        int okStatus() {
            return (payload[3] & 0xFF) | (payload[4] & 0xFF) << 8;
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawMysqlClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    Packet read() throws IOException {
        byte[] header = new byte[4];
        in.readFully(header);
        int length = (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new Packet(header[3] & 0xFF, payload);
    }

    /** True when the server has closed the connection. */
    boolean closedByServer() throws IOException {
        return in.read() < 0;
    }

    void write(int sequenceId, byte[] payload) throws IOException {
        writeHeader(payload.length, sequenceId);
        out.write(payload);
        out.flush();
    }

    void writeHeader(int length, int sequenceId) throws IOException {
        out.write(new byte[] {(byte) length, (byte) (length >> 8), (byte) (length >> 16), (byte) sequenceId});
        out.flush();
    }

    void command(int command, String argument) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.write(command);
        payload.writeBytes(argument.getBytes(StandardCharsets.UTF_8));
        write(0, payload.toByteArray());
    }

    /** Reads the greeting and logs in without a password (the server has no access token). */
    Packet login(int capabilities) throws IOException {
        Packet greeting = read();
        sendHandshakeResponse(capabilities, "raw", new byte[0], "mysql_native_password");
        return greeting;
    }

    /** A HandshakeResponse41 with a one-byte-length auth response (SECURE_CONNECTION). */
    void sendHandshakeResponse(int capabilities, String user, byte[] authResponse, String plugin) throws IOException {
        ByteBuffer response = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        response.putInt(capabilities).putInt(16 * 1024 * 1024).put((byte) 45).put(new byte[23]);
        response.put(user.getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
        response.put((byte) authResponse.length).put(authResponse);
        response.put(plugin.getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
        byte[] bytes = new byte[response.position()];
        response.flip().get(bytes);
        write(1, bytes);
    }

    /** The 20-byte scramble of a HandshakeV10 greeting (its two parts joined). */
    static byte[] scramble(Packet greeting) {
        byte[] payload = greeting.payload();
        int versionEnd = 1;
        while (payload[versionEnd] != 0) {
            versionEnd++;
        }
        int part1 = versionEnd + 5;
        int part2 = part1 + 8 + 1 + 2 + 1 + 2 + 2 + 1 + 10;
        byte[] scramble = new byte[20];
        System.arraycopy(payload, part1, scramble, 0, 8);
        System.arraycopy(payload, part2, scramble, 8, 12);
        return scramble;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
