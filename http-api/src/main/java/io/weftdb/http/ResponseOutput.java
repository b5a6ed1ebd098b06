package io.weftdb.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.xnio.IoUtils;

/**
 * A 200 response body that is held back until it outgrows {@code holdBytes} or is flushed, and
 * streamed from then on. While held back, a failure can still replace it with an error response and
 * its own status; once streaming, the status is sent and a failure can only end the body early
 * ({@link #abort()}). Writes block while the client is slow to read, so the producer waits and
 * memory stays bounded.
 */
final class ResponseOutput extends OutputStream {
    private final HttpServerExchange exchange;
    private final String contentType;
    private final int holdBytes;
    private ByteArrayOutputStream held = new ByteArrayOutputStream();
    private OutputStream streaming;

    ResponseOutput(HttpServerExchange exchange, String contentType, int holdBytes) {
        this.exchange = exchange;
        this.contentType = contentType;
        this.holdBytes = holdBytes;
    }

    /** Whether the status line has gone out (an error can no longer change it). */
    boolean isCommitted() {
        return streaming != null;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        if (streaming != null) {
            streaming.write(data, offset, length);
            return;
        }
        held.write(data, offset, length);
        if (held.size() > holdBytes) {
            commit();
        }
    }

    /** Sends what is held and streams from now on. */
    @Override
    public void flush() throws IOException {
        if (streaming == null) {
            commit();
        }
        streaming.flush();
    }

    /** Ends a successful response: a held-back body goes out whole with its length. */
    void finish() throws IOException {
        if (streaming == null) {
            exchange.setStatusCode(200);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
            exchange.setResponseContentLength(held.size());
            OutputStream out = exchange.getOutputStream();
            held.writeTo(out);
            held = null;
            out.close();
        } else {
            streaming.close();
        }
    }

    /** Drops what is held back, so an error response can take its place. */
    void discard() {
        held = new ByteArrayOutputStream();
    }

    /**
     * Ends a streaming response that failed by closing the connection without the body's end, so
     * the client sees an incomplete transfer rather than a short, well-formed result.
     */
    void abort() {
        IoUtils.safeClose(exchange.getConnection());
    }

    private void commit() throws IOException {
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        streaming = exchange.getOutputStream();
        held.writeTo(streaming);
        held = null;
    }
}
