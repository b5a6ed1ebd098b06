package io.weftdb.engine;

import io.weftdb.ir.type.DataType;
import java.util.List;

/**
 * What a statement will take and give, found by planning it without running it: the types of its
 * $n parameters (declared ones kept, the rest inferred from use, text when nothing tells) and its
 * result columns ({@code null} when it returns no rows).
 */
public record StatementDescription(List<DataType> parameterTypes, List<ResultColumn> columns) {
    public StatementDescription {
        parameterTypes = List.copyOf(parameterTypes);
        columns = columns == null ? null : List.copyOf(columns);
    }
}
