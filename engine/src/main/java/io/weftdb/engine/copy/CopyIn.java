package io.weftdb.engine.copy;

import io.weftdb.engine.Notice;
import io.weftdb.engine.ResultColumn;
import io.weftdb.engine.catalog.CatalogObject;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.expr.ParameterTypes;
import io.weftdb.engine.plan.NameContext;
import io.weftdb.engine.plan.QueryPlanner;
import io.weftdb.engine.txn.LockKey;
import io.weftdb.engine.txn.LockManager;
import io.weftdb.ir.stmt.Copy;
import java.time.ZoneId;
import java.util.ArrayList;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A running {@code COPY ... FROM STDIN}: the protocol hands over the client's data as it arrives
 * and then ends the statement with {@link #finish()} or {@link #fail(String)}. The statement is
 * atomic: any error ends it and undoes every row it inserted.
 */
public final class CopyIn {
    private final List<ResultColumn> columns;
    private final CopyFormat format;
    private final CopyLoader loader;
    private final Consumer<Boolean> statementEnd;
    private final Function<Throwable, SqlException> translate;
    private boolean done;

    /**
     * @param statementEnd ends the statement: true commits its rows (an implicit transaction commits),
     *                     false undoes them
     * @param translate    turns any failure into the error the client sees
     */
    private CopyIn(List<ResultColumn> columns, CopyFormat format, CopyLoader loader, Consumer<Boolean> statementEnd,
                   Function<Throwable, SqlException> translate) {
        this.columns = List.copyOf(columns);
        this.format = format;
        this.loader = loader;
        this.statementEnd = statementEnd;
        this.translate = translate;
    }

    /**
     * Starts loading {@code copy.table()} inside the statement the caller has begun: the table is
     * resolved and share-locked (its definition cannot change under the load), the column list
     * checked, and defaults and constraint checks compiled once.
     *
     * @param codec the binary value format for FORMAT binary; null refuses binary data (0A000)
     */
    public static CopyIn start(Copy copy, ExecutionEnvironment environment, NameContext names, ZoneId zone,
                               CopyBinaryCodec codec, Consumer<Notice> notices, Consumer<Boolean> statementEnd,
                               Function<Throwable, SqlException> translate) {
        CopyOptions options = CopyOptions.of(copy.options(), Copy.Direction.FROM);
        if (copy.query() != null) {
            throw new SqlException(ErrorCode.WRONG_OBJECT_TYPE, "COPY (query) FROM is not allowed: only tables can be loaded");
        }
        CatalogObject relation = names.relation(copy.table(), 0);
        if (!(relation instanceof TableDef found)) {
            throw new SqlException(ErrorCode.WRONG_OBJECT_TYPE, "cannot copy to relation \"" + copy.table().name()
                    + "\" that is not a table");
        }
        environment.lock(LockKey.table(found.id()), LockManager.Mode.SHARED);
        TableDef table = environment.catalog().table(found.id());
        CopyRowMapping mapping = CopyRowMapping.of(table, copy, new QueryPlanner(names, ParameterTypes.none()));
        List<ResultColumn> columns = new ArrayList<>(mapping.fieldCount());
        for (int i = 0; i < mapping.fieldCount(); i++) {
            columns.add(new ResultColumn(mapping.name(i), mapping.type(i)));
        }
        CopyLoader loader = new CopyLoader(environment, table, mapping, options, zone, codec, notices);
        return new CopyIn(columns, options.format(), loader, statementEnd, translate);
    }

    /** The columns the data holds, in order. */
    public List<ResultColumn> columns() {
        return columns;
    }

    public CopyFormat format() {
        return format;
    }

    /** Takes a chunk of data; chunks may split rows anywhere. An error ends the statement, undone. */
    public void accept(byte[] data, int offset, int length) {
        requireRunning();
        try {
            loader.accept(data, offset, length);
        } catch (RuntimeException | StackOverflowError e) {
            throw abort(e);
        }
    }

    /** The data is complete: inserts what remains and ends the statement; returns the rows inserted. */
    public long finish() {
        requireRunning();
        long rows;
        try {
            rows = loader.finish();
        } catch (RuntimeException | StackOverflowError e) {
            throw abort(e);
        }
        done = true;
        statementEnd.accept(true);
        return rows;
    }

    /** Rows a LOAD DATA REPLACE deleted because new rows took their keys. */
    public long replacedRows() {
        return loader.replaced();
    }

    /** LOAD DATA's input variables as the last line set them (MySQL's user variables keep them). */
    public java.util.Map<String, Object> variables() {
        return loader.variables();
    }

    /** The client gave up (CopyFail): the statement is undone and its 57014 error thrown. */
    public void fail(String message) {
        requireRunning();
        throw abort(new SqlException(ErrorCode.QUERY_CANCELED, "COPY from stdin failed: " + message));
    }

    /** Whether the statement has ended, by finishing or failing. */
    public boolean isDone() {
        return done;
    }

    private SqlException abort(Throwable e) {
        SqlException error = translate.apply(e);
        done = true;
        statementEnd.accept(false);
        return error;
    }

    private void requireRunning() {
        if (done) {
            throw new IllegalStateException("the COPY has ended");
        }
    }
}
