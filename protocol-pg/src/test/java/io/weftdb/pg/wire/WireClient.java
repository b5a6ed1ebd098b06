package io.weftdb.pg.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.weftdb.pg.wire.protocol.BackendMessage;
import io.weftdb.pg.wire.protocol.FrontendMessage;
import io.weftdb.pg.wire.protocol.ReadyForQuery;
import io.weftdb.pg.wire.protocol.SimpleQuery;
import io.weftdb.pg.wire.protocol.StartupMessage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A minimal blocking protocol client over a socket, for tests that need control a driver hides. */
final class WireClient implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    WireClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Sends a StartupMessage and reads up to the first ReadyForQuery. */
    List<BackendMessage> startup(String user, String database) throws IOException {
        send(StartupMessage.of(Map.of("user", user, "database", database)));
        return readUntilReady();
    }

    void send(FrontendMessage... messages) throws IOException {
        ByteBuf buffer = Unpooled.buffer();
        for (FrontendMessage message : messages) {
            message.write(buffer);
        }
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        out.write(bytes);
        out.flush();
    }

    List<BackendMessage> query(String sql) throws IOException {
        send(new SimpleQuery(sql));
        return readUntilReady();
    }

    BackendMessage read() throws IOException {
        char type = (char) in.readUnsignedByte();
        int length = in.readInt();
        byte[] body = new byte[length - 4];
        in.readFully(body);
        return BackendMessages.decode(type, Unpooled.wrappedBuffer(body));
    }

    List<BackendMessage> readUntilReady() throws IOException {
        List<BackendMessage> messages = new ArrayList<>();
        while (true) {
            BackendMessage message = read();
            messages.add(message);
            if (message instanceof ReadyForQuery) {
                return messages;
            }
        }
    }

    /** Closes the socket at once, with a reset rather than an orderly goodbye. */
    void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
