package io.weftdb.pg.wire;

import io.weftdb.ir.stmt.Statement;
import io.weftdb.ir.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement prepared by a Parse message: its parsed IR (null for an empty query string), the
 * parameter type OIDs the client declared (0 = infer) and how many parameters it takes (the most
 * of the declared count and the highest {@code $n} in the text).
 */
record PreparedStatement(String name, String sql, Statement statement, List<Integer> declaredTypes, int parameterCount) {

    PreparedStatement {
        declaredTypes = List.copyOf(declaredTypes);
    }

    boolean isEmpty() {
        return statement == null;
    }

    /** The engine type declared for parameter {@code index} (0-based), or null when it is left to inference. */
    DataType declaredType(int index) {
        if (index >= declaredTypes.size() || declaredTypes.get(index) == PgTypes.UNSPECIFIED) {
            return null;
        }
        return PgTypes.dataType(declaredTypes.get(index));
    }

    /** The declared types as engine types, UNKNOWN for those left to inference (0-based, one per parameter). */
    List<DataType> declaredDataTypes() {
        List<DataType> types = new ArrayList<>(parameterCount);
        for (int i = 0; i < parameterCount; i++) {
            DataType declared = declaredType(i);
            types.add(declared == null ? DataType.UNKNOWN : declared);
        }
        return types;
    }

    /** The OIDs a ParameterDescription reports without a plan: the declared ones, text for the rest. */
    List<Integer> parameterTypeOids() {
        return parameterTypeOids(List.of());
    }

    /**
     * The OIDs a ParameterDescription reports: declared ones as declared, the rest as the engine
     * inferred them ({@code inferred}, 0-based; text when it has none).
     */
    List<Integer> parameterTypeOids(List<DataType> inferred) {
        List<Integer> oids = new ArrayList<>(parameterCount);
        for (int i = 0; i < parameterCount; i++) {
            int declared = i < declaredTypes.size() ? declaredTypes.get(i) : PgTypes.UNSPECIFIED;
            if (declared != PgTypes.UNSPECIFIED) {
                oids.add(declared);
            } else {
                oids.add(i < inferred.size() ? PgTypes.oid(inferred.get(i)) : PgTypes.TEXT);
            }
        }
        return oids;
    }
}
