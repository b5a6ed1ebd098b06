package io.weftdb.mysql.wire.protocol;

import io.netty.buffer.ByteBuf;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client's answer to the greeting (Protocol::HandshakeResponse41), or its first 32 bytes alone
 * when the client asks for TLS first (Protocol::SSLRequest): capabilities, max packet size,
 * collation, then user, auth response, database, plugin name and connection attributes as the
 * capabilities say.
 */
public record HandshakeResponse(int capabilities, long maxPacketSize, int collationId, boolean sslRequest,
                                String user, byte[] authResponse, String database, String authPluginName,
                                Map<String, String> attributes) {
    /** The length of an SSLRequest: capabilities, max packet, collation and 23 filler bytes. */
    public static final int SSL_REQUEST_BYTES = 32;

    public static HandshakeResponse decode(ByteBuf in) {
        MysqlBuffers.require(in, SSL_REQUEST_BYTES);
        int capabilities = in.readIntLE();
        if (!Capabilities.has(capabilities, Capabilities.PROTOCOL_41)) {
            throw new MalformedPacketException("clients must support the 4.1 protocol");
        }
        long maxPacket = in.readUnsignedIntLE();
        int collation = in.readUnsignedByte();
        in.skipBytes(23);
        if (!in.isReadable()) {
            return new HandshakeResponse(capabilities, maxPacket, collation, true, null, null, null, null, Map.of());
        }
        String user = MysqlBuffers.readNullTerminatedString(in);
        byte[] auth;
        if (Capabilities.has(capabilities, Capabilities.PLUGIN_AUTH_LENENC_CLIENT_DATA)) {
            auth = MysqlBuffers.readLengthEncodedBytes(in);
        } else if (Capabilities.has(capabilities, Capabilities.SECURE_CONNECTION)) {
            MysqlBuffers.require(in, 1);
            auth = MysqlBuffers.readBytes(in, in.readUnsignedByte());
        } else {
            auth = MysqlBuffers.readNullTerminatedString(in).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        String database = null;
        if (Capabilities.has(capabilities, Capabilities.CONNECT_WITH_DB) && in.isReadable()) {
            database = MysqlBuffers.readNullTerminatedString(in);
        }
        String plugin = null;
        if (Capabilities.has(capabilities, Capabilities.PLUGIN_AUTH) && in.isReadable()) {
            plugin = MysqlBuffers.readNullTerminatedString(in);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if (Capabilities.has(capabilities, Capabilities.CONNECT_ATTRS) && in.isReadable()) {
            long length = MysqlBuffers.readLengthEncodedInteger(in);
            MysqlBuffers.require(in, length);
            ByteBuf attributeBytes = in.readSlice((int) length);
            while (attributeBytes.isReadable()) {
                String key = new String(MysqlBuffers.readLengthEncodedBytes(attributeBytes),
                        java.nio.charset.StandardCharsets.UTF_8);
                byte[] value = MysqlBuffers.readLengthEncodedBytes(attributeBytes);
                attributes.put(key, value == null ? null : new String(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return new HandshakeResponse(capabilities, maxPacket, collation, false, user, auth == null ? new byte[0] : auth,
                database == null || database.isEmpty() ? null : database, plugin, attributes);
    }
}
