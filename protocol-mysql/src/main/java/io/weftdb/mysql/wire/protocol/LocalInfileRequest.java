package io.weftdb.mysql.wire.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * LOCAL INFILE Request: header 0xFB and the file name (string&lt;EOF&gt;). The client answers with
 * the file's contents in packets of its choosing and an empty packet at the end.
 */
public record LocalInfileRequest(String fileName) implements ServerMessage {
    @Override
    public void writePayload(ByteBuf out) {
        out.writeByte(0xFB);
        out.writeBytes(fileName.getBytes(StandardCharsets.UTF_8));
    }
}
