package io.weftdb.engine.dml;

import io.weftdb.engine.ResultColumn;
import java.util.List;

/**
 * What an INSERT/UPDATE/DELETE did: its command tag, the affected row count and, with RETURNING,
 * the returned rows ({@code columns} empty without RETURNING).
 */
public record DmlOutcome(String commandTag, long rowCount, List<ResultColumn> columns, List<Object[]> returned,
                         long updatedOnConflict) {
    public DmlOutcome(String commandTag, long rowCount, List<ResultColumn> columns, List<Object[]> returned) {
        this(commandTag, rowCount, columns, returned, 0);
    }
}
