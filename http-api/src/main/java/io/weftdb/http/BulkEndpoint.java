package io.weftdb.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.weftdb.engine.ResultColumn;
import io.weftdb.engine.RowResult;
import io.weftdb.engine.Session;
import io.weftdb.engine.StatementResult;
import io.weftdb.engine.copy.CopyIn;
import io.weftdb.engine.copy.CopyOut;
import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.stmt.Copy;
import io.weftdb.ir.type.DataType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bulk loading and unloading of one table through the engine's COPY path:
 * {@code POST /v1/tables/{db}/{schema}/{table}/import} streams a CSV or NDJSON body into
 * {@code COPY ... FROM STDIN} (one statement: every row or none), and
 * {@code GET .../export?format=csv|ndjson} streams the table out. Both run in the request's
 * session when it names one, so an import can be part of a transaction spanning requests.
 */
final class BulkEndpoint {
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final int STREAM_HOLD_BYTES = 16 * 1024;
    private static final Pattern COPY_LINE = Pattern.compile("COPY [^,]*, line (\\d+)");

    private final RequestSessions sessions;

    BulkEndpoint(RequestSessions sessions) {
        this.sessions = sessions;
    }

    void importRows(HttpServerExchange exchange, String database, String schema, String table) throws IOException {
        long started = System.nanoTime();
        BulkFormat format = BulkFormat.ofImport(exchange);
        boolean header = format == BulkFormat.CSV && !"false".equals(queryParameter(exchange, "header"));
        long rows = sessions.run(exchange, database, session -> switch (format) {
            case CSV -> loadCsv(session, copy(schema, table, List.of(), Copy.Direction.FROM, header), exchange);
            case NDJSON -> loadNdjson(session, schema, table, exchange);
        });
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        Exchanges.sendJson(exchange, 200, json -> {
            json.writeStartObject();
            json.writeStringField("table", schema + "." + table);
            json.writeStringField("command", "COPY " + rows);
            json.writeNumberField("rowCount", rows);
            json.writeNumberField("elapsedMs", elapsed);
            json.writeEndObject();
        });
    }

    private static long loadCsv(Session session, Copy copy, HttpServerExchange exchange) throws IOException {
        CopyIn load = session.beginCopyIn(copy);
        try (InputStream body = exchange.getInputStream()) {
            byte[] chunk = new byte[CHUNK_BYTES];
            int read;
            while ((read = body.read(chunk)) >= 0) {
                load.accept(chunk, 0, read);
            }
            return load.finish();
        } catch (SqlException e) {
            throw withLine(e);
        } catch (IOException e) {
            abandon(load, "the request body could not be read: " + e.getMessage());
            throw e;
        }
    }

    private static long loadNdjson(Session session, String schema, String table, HttpServerExchange exchange)
            throws IOException {
        NdjsonToCsv lines = new NdjsonToCsv(exchange.getInputStream());
        List<String> columns = lines.columns();
        CopyIn load = session.beginCopyIn(copy(schema, table, columns, Copy.Direction.FROM, false));
        try {
            lines.useTypes(load.columns());
            byte[] record;
            while ((record = lines.next()) != null) {
                load.accept(record, 0, record.length);
            }
            return load.finish();
        } catch (SqlException e) {
            throw ApiError.of(e).atLine(lines.lineNumber());
        } catch (ApiError e) {
            abandon(load, e.getMessage());
            throw e;
        } catch (IOException e) {
            abandon(load, "the request body could not be read: " + e.getMessage());
            throw e;
        } finally {
            lines.close();
        }
    }

    /** Undoes a load the engine has not ended itself (the client's data was at fault, not a row). */
    private static void abandon(CopyIn load, String reason) {
        if (!load.isDone()) {
            try {
                load.fail(reason);
            } catch (SqlException expected) {
                // fail() reports the undone COPY as 57014; the caller reports the cause instead.
            }
        }
    }

    /** The error with the body line it is about, taken from the COPY context in its detail. */
    private static ApiError withLine(SqlException e) {
        ApiError error = ApiError.of(e);
        if (e.detail() != null) {
            Matcher line = COPY_LINE.matcher(e.detail());
            if (line.find()) {
                return error.atLine(Long.parseLong(line.group(1)));
            }
        }
        return error;
    }

    void export(HttpServerExchange exchange, String database, String schema, String table) throws IOException {
        BulkFormat format = BulkFormat.ofExport(queryParameter(exchange, "format"));
        Copy copy = copy(schema, table, List.of(), Copy.Direction.TO, true);
        sessions.run(exchange, database, session -> {
            switch (format) {
                case CSV -> exportCsv(exchange, session, copy);
                case NDJSON -> exportNdjson(exchange, session, copy);
            }
            return null;
        });
    }

    private static void exportCsv(HttpServerExchange exchange, Session session, Copy copy) throws IOException {
        ResponseOutput output = new ResponseOutput(exchange, "text/csv; charset=utf-8", STREAM_HOLD_BYTES);
        try (CopyOut rows = session.beginCopyOut(copy)) {
            byte[] line;
            while ((line = rows.nextChunk()) != null) {
                output.write(line);
            }
            rows.finish();
        } catch (SqlException e) {
            failStream(exchange, output, ApiError.of(e));
            return;
        }
        output.finish();
    }

    private static void exportNdjson(HttpServerExchange exchange, Session session, Copy copy) throws IOException {
        ResponseOutput output = new ResponseOutput(exchange, "application/x-ndjson", STREAM_HOLD_BYTES);
        StatementResult result = session.execute(CopyOut.query(copy), List.of());
        try (RowResult rows = (RowResult) result; JsonGenerator json = Json.generator(output)) {
            json.setRootValueSeparator(null);
            List<ResultColumn> columns = rows.columns();
            DataType[] types = Json.types(columns);
            while (rows.next()) {
                Object[] row = rows.row();
                json.writeStartObject();
                for (int i = 0; i < types.length; i++) {
                    json.writeFieldName(columns.get(i).name());
                    JsonValues.write(json, row[i], types[i], session.settings().timeZone());
                }
                json.writeEndObject();
                json.writeRaw('\n');
            }
        } catch (SqlException e) {
            failStream(exchange, output, ApiError.of(e));
            return;
        }
        output.finish();
    }

    private static void failStream(HttpServerExchange exchange, ResponseOutput output, ApiError error) {
        if (output.isCommitted()) {
            output.abort();
        } else {
            output.discard();
            Exchanges.sendError(exchange, error);
        }
    }

    private static Copy copy(String schema, String table, List<String> columns, Copy.Direction direction, boolean header) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("format", "csv");
        if (header) {
            options.put("header", "true");
        }
        return new Copy(QualifiedName.of(schema, table), columns, null, direction, null, options);
    }

    static String queryParameter(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** The body formats of import and export. */
    enum BulkFormat {
        CSV, NDJSON;

        /** From {@code ?format=}, else the Content-Type; CSV when neither says. */
        static BulkFormat ofImport(HttpServerExchange exchange) {
            String requested = queryParameter(exchange, "format");
            if (requested != null) {
                return ofExport(requested);
            }
            String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
            return type != null && type.toLowerCase(Locale.ROOT).contains("ndjson") ? NDJSON : CSV;
        }

        static BulkFormat ofExport(String requested) {
            if (requested == null || requested.equalsIgnoreCase("csv")) {
                return CSV;
            }
            if (requested.equalsIgnoreCase("ndjson")) {
                return NDJSON;
            }
            throw ApiError.badRequest("format \"" + requested + "\" is not one of csv, ndjson");
        }
    }
}
