package io.weftdb.http;

import io.weftdb.engine.Notice;
import io.weftdb.engine.ResultColumn;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;

/**
 * One response format for the results of a request's statements, written as they are produced.
 * For each statement: {@link #beginRows} and {@link #row}s when it returns rows, then
 * {@link #endResult}; after the last, {@link #finish}.
 */
sealed interface ResultWriter permits JsonResultWriter, NdjsonResultWriter, CsvResultWriter {

    /** @param zone the session's time zone now, for timestamptz values */
    void beginRows(List<ResultColumn> columns, ZoneId zone) throws IOException;

    void row(Object[] values) throws IOException;

    /** @param rowCount the rows returned or affected, or -1 when the command has no count */
    void endResult(String command, long rowCount, List<Notice> notices) throws IOException;

    /** Ends the body after the last result and completes the response. */
    void finish(long elapsedMillis) throws IOException;

    /** Sends what has been produced so far, when streaming rows to the client matters more than batching. */
    void flush() throws IOException;

    /**
     * Reports a failure after part of the body has been sent, in the body itself, and completes the
     * response; false when this format has no way to, and the caller must abort the response.
     */
    boolean failInBand(ApiError error) throws IOException;

    ResponseOutput output();
}
