package io.weftdb.engine.copy;

import io.weftdb.engine.Notice;
import io.weftdb.engine.catalog.ColumnDef;
import io.weftdb.engine.catalog.IndexDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.table.DefaultValues;
import io.weftdb.engine.table.TableWriter;
import io.weftdb.engine.value.TextParse;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.DataType;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns the bytes of a COPY FROM into table rows: it cuts them into lines (chunks may end
 * anywhere), parses each line's fields, converts them to the column types, fills the other columns
 * with their defaults and inserts through one {@link TableWriter}, so constraints hold as for
 * INSERT. Everything that costs per statement (defaults, the writer's checks) is prepared once.
 *
 * <p>Errors name the line as PostgreSQL's CONTEXT does ("COPY t, line 3, column b: \"x\""), in
 * the error's detail.
 */
final class CopyLoader {
    private static final int CANCEL_CHECK_ROWS = 1024;
    /** How many skipped duplicates are listed as warnings (MySQL's default max_error_count). */
    private static final int MAX_WARNINGS = 64;

    private final ExecutionEnvironment environment;
    private final TableDef table;
    private final TableWriter writer;
    /** Null for binary data, which {@link #binary} reads instead. */
    private final CopyRowParser parser;
    private final BinaryTupleReader binary;
    private final CopyBinaryCodec codec;
    private final CopyOptions options;
    private final ZoneId zone;
    private final CopyRowMapping mapping;
    private final String[] targetNames;
    private final boolean[] forceNotNull;
    private final boolean[] forceNull;
    /** Per table column: the compiled default when COPY gives no value for it, else null. */
    private final BoundExpr[] defaults;
    private byte[] pending = new byte[64 * 1024];
    private int pendingLength;
    private int lineStart;
    private int scanPosition;
    private long lineNumber;
    private boolean headerPending;
    private boolean ended;
    private long rows;
    /** Rows that REPLACE deleted and duplicate rows that IGNORE skipped. */
    private long replaced;
    private long skipped;
    private final Consumer<Notice> notices;
    /** The last row's working values, for the variables the session keeps after a LOAD DATA. */
    private Object[] lastRow;

    CopyLoader(ExecutionEnvironment environment, TableDef table, CopyRowMapping mapping, CopyOptions options, ZoneId zone,
               CopyBinaryCodec codec, Consumer<Notice> notices) {
        this.environment = environment;
        this.table = table;
        this.writer = new TableWriter(environment, table);
        boolean isBinary = options.format() == CopyFormat.BINARY;
        if (isBinary && codec == null) {
            throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "COPY FORMAT binary is not supported by this client interface");
        }
        this.parser = isBinary ? null : CopyRowParser.of(options);
        this.binary = isBinary ? new BinaryTupleReader() : null;
        this.codec = codec;
        this.options = options;
        this.zone = zone;
        this.mapping = mapping;
        this.notices = notices;
        List<ColumnDef> columns = table.columns();
        targetNames = mapping.names();
        forceNotNull = new boolean[targetNames.length];
        forceNull = new boolean[targetNames.length];
        for (int i = 0; i < targetNames.length; i++) {
            forceNotNull[i] = options.forceNotNullColumns().contains(targetNames[i]);
            forceNull[i] = options.forceNullColumns().contains(targetNames[i]);
        }
        requireCopiedColumns(options.forceNotNullColumns(), "FORCE_NOT_NULL");
        requireCopiedColumns(options.forceNullColumns(), "FORCE_NULL");
        defaults = new BoundExpr[columns.size()];
        for (int i = 0; i < defaults.length; i++) {
            if (!mapping.gives(i)) {
                defaults[i] = DefaultValues.compile(columns.get(i));
            }
        }
        headerPending = options.header() != CopyOptions.Header.NONE;
    }

    private void requireCopiedColumns(java.util.Set<String> names, String option) {
        for (String name : names) {
            if (!Arrays.asList(targetNames).contains(name)) {
                throw new SqlException(ErrorCode.INVALID_COLUMN_REFERENCE, option + " column \"" + name
                        + "\" not referenced by COPY");
            }
        }
    }

    /** Takes the next chunk of data; complete rows are inserted at once. */
    void accept(byte[] data, int offset, int length) {
        if (ended) {
            return;
        }
        ensureCapacity(length);
        System.arraycopy(data, offset, pending, pendingLength, length);
        pendingLength += length;
        if (binary != null) {
            acceptTuples();
            return;
        }
        while (!ended) {
            int end = parser.findLineEnd(pending, scanPosition, pendingLength);
            if (end < 0) {
                scanPosition = pendingLength;
                break;
            }
            int lineEnd = end > lineStart && pending[end - 1] == '\r' ? end - 1 : end;
            line(lineStart, lineEnd);
            lineStart = end + 1;
            scanPosition = lineStart;
        }
    }

    /** Inserts every whole binary tuple buffered; a partial one waits for more data. */
    private void acceptTuples() {
        while (!ended) {
            byte[][] fields;
            try {
                fields = binary.read(pending, lineStart, pendingLength);
            } catch (SqlException e) {
                lineNumber++;
                throw withContext(e, -1, null);
            }
            lineStart = binary.position();
            if (fields == null) {
                break;
            }
            if (fields == BinaryTupleReader.END_OF_DATA) {
                ended = true;
                break;
            }
            lineNumber++;
            insertBinary(fields);
        }
        scanPosition = lineStart;
    }

    private void insertBinary(byte[][] fields) {
        if (fields.length != mapping.fieldCount()) {
            throw withContext(new SqlException(ErrorCode.BAD_COPY_FILE_FORMAT, "row field count is " + fields.length
                    + ", expected " + mapping.fieldCount()), -1, null);
        }
        Object[] row = mapping.newRow();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] != null) {
                DataType type = mapping.type(i);
                try {
                    row[mapping.target(i)] = fitBinary(codec.decode(fields[i], type), type);
                } catch (SqlException e) {
                    throw withContext(e, i, "<binary>");
                } catch (RuntimeException e) {
                    throw withContext(new SqlException(ErrorCode.BAD_COPY_FILE_FORMAT, "incorrect binary data format"), i,
                            "<binary>");
                }
            }
        }
        write(row);
    }

    /** Binary values arrive unchecked against the column's length or precision: apply them as text input does. */
    private static Object fitBinary(Object value, DataType type) {
        return switch (type.kind()) {
            case VARCHAR, CHAR -> io.weftdb.engine.value.Casts.fitString((String) value, type, false);
            case NUMERIC -> io.weftdb.engine.value.Casts.fitNumeric((java.math.BigDecimal) value, type);
            default -> value;
        };
    }

    /** The data is complete: a last row without a newline is taken too. Returns the rows inserted. */
    long finish() {
        if (binary != null) {
            if (!ended && lineStart < pendingLength) {
                lineNumber++;
                throw withContext(new SqlException(ErrorCode.BAD_COPY_FILE_FORMAT, "unexpected EOF in COPY data"), -1, null);
            }
            ended = true;
            return rows;
        }
        if (!ended && lineStart < pendingLength) {
            if (parser.insideQuotedField()) {
                lineNumber++;
                throw withContext(new SqlException(ErrorCode.BAD_COPY_FILE_FORMAT, "unterminated CSV quoted field"), -1, null);
            }
            int end = pending[pendingLength - 1] == '\r' ? pendingLength - 1 : pendingLength;
            line(lineStart, end);
        }
        ended = true;
        return rows;
    }

    private void ensureCapacity(int extra) {
        if (lineStart > 0 && pendingLength + extra > pending.length) {
            // Drop the rows already taken before growing: the buffer holds at most one partial row plus a chunk.
            System.arraycopy(pending, lineStart, pending, 0, pendingLength - lineStart);
            pendingLength -= lineStart;
            scanPosition -= lineStart;
            lineStart = 0;
        }
        if (pendingLength + extra > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + extra));
        }
    }

    private void line(int start, int end) {
        lineNumber++;
        String[] fields;
        try {
            fields = parser.parseLine(pending, start, end);
        } catch (SqlException e) {
            throw withContext(e, -1, null);
        }
        if (fields == CopyRowParser.END_OF_DATA) {
            ended = true;
            return;
        }
        if (headerPending) {
            headerPending = false;
            if (options.header() == CopyOptions.Header.MATCH) {
                matchHeader(fields);
            }
            return;
        }
        insert(fields);
    }

    private void matchHeader(String[] names) {
        if (names.length != targetNames.length) {
            throw withContext(new SqlException(ErrorCode.BAD_COPY_FILE_FORMAT, "wrong number of fields in header line: got "
                    + names.length + ", expected " + targetNames.length), -1, null);
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i] == null || !names[i].equals(targetNames[i])) {
                throw withContext(new SqlException(ErrorCode.BAD_COPY_FILE_FORMAT, "column name mismatch in header line field "
                        + (i + 1) + ": got " + (names[i] == null ? "null value (\"" + options.nullString() + "\")"
                        : "\"" + names[i] + "\"") + ", expected \"" + targetNames[i] + "\""), -1, null);
            }
        }
    }

    private void insert(String[] fields) {
        if (fields.length < targetNames.length) {
            throw withContext(new SqlException(ErrorCode.BAD_COPY_FILE_FORMAT, "missing data for column \""
                    + targetNames[fields.length] + "\""), -1, null);
        }
        if (fields.length > targetNames.length) {
            throw withContext(new SqlException(ErrorCode.BAD_COPY_FILE_FORMAT, "extra data after last expected column"),
                    -1, null);
        }
        Object[] row = mapping.newRow();
        for (int i = 0; i < fields.length; i++) {
            String text = fields[i];
            if (text == null && forceNotNull[i]) {
                text = options.nullString();
            } else if (text != null && forceNull[i] && text.equals(options.nullString())) {
                text = null;
            }
            if (text != null) {
                try {
                    row[mapping.target(i)] = TextParse.parse(text, mapping.type(i), zone);
                } catch (SqlException e) {
                    throw withContext(e, i, text);
                }
            }
        }
        write(row);
    }

    /** Computes SET columns, fills in the defaults and inserts the row as the duplicate handling says. */
    private void write(Object[] working) {
        Object[] row;
        try {
            row = mapping.complete(working, environment.context());
        } catch (SqlException e) {
            throw withContext(e, -1, null);
        }
        lastRow = working;
        for (int i = 0; i < defaults.length; i++) {
            if (defaults[i] != null) {
                row[i] = defaults[i].evaluate(null, environment.context());
            }
        }
        try {
            switch (mapping.duplicates()) {
                case ERROR -> writer.insert(row);
                case IGNORE -> {
                    if (!insertUnlessDuplicate(row)) {
                        return;
                    }
                }
                case REPLACE -> {
                    deleteConflicting(row);
                    writer.insert(row);
                }
            }
        } catch (SqlException e) {
            throw withContext(e, -1, null);
        }
        if (++rows % CANCEL_CHECK_ROWS == 0) {
            environment.checkCancelled();
        }
    }

    /**
     * IGNORE: a row whose key is taken is skipped with a warning (MySQL's 1062, the first
     * {@link #MAX_WARNINGS} of them listed). The writer checks every unique key before it writes,
     * so a refused row has left nothing behind.
     */
    private boolean insertUnlessDuplicate(Object[] row) {
        try {
            writer.insert(row);
            return true;
        } catch (SqlException e) {
            if (e.code() != ErrorCode.UNIQUE_VIOLATION) {
                throw e;
            }
            if (++skipped <= MAX_WARNINGS) {
                notices.accept(new Notice("WARNING", e.getMessage() + " (line " + lineNumber + ")", e.code()));
            }
            if (skipped % CANCEL_CHECK_ROWS == 0) {
                environment.checkCancelled();
            }
            return false;
        }
    }

    /** REPLACE: every row holding one of the new row's unique keys (primary key first) is deleted. */
    private void deleteConflicting(Object[] row) {
        for (IndexDef index : table.indexes()) {
            if (!index.unique()) {
                continue;
            }
            TableWriter.Conflict conflict = writer.findConflict(row, index);
            if (conflict != null) {
                writer.delete(conflict.key(), writer.codec().decodeRow(conflict.value()));
                replaced++;
            }
        }
    }

    /** Rows REPLACE deleted to make room for new ones. */
    long replaced() {
        return replaced;
    }

    /** The values of the LOAD DATA variables in the last line read (null before any). */
    java.util.Map<String, Object> variables() {
        return mapping.variables(lastRow);
    }

    /** The error with PostgreSQL's COPY context in its detail (after the error's own detail, if any). */
    private SqlException withContext(SqlException e, int field, String value) {
        String context = "COPY " + table.name() + ", line " + lineNumber
                + (field >= 0 ? ", column " + targetNames[field] + ": \"" + value + "\"" : "");
        String detail = e.detail() == null ? context : e.detail() + "\n" + context;
        return new SqlException(e.code(), e.getMessage(), 0, detail, e.hint(), e);
    }
}
