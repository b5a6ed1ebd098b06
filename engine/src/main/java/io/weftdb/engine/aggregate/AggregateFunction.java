package io.weftdb.engine.aggregate;

import io.weftdb.ir.type.DataType;
import java.util.List;
import java.util.function.Supplier;

/**
 * An aggregate resolved for its argument types: the types the arguments must be cast to, the result
 * type, a factory of fresh per-group state, and whether rows with a NULL first argument count
 * (array_agg and json_agg keep them; the others skip them).
 */
public record AggregateFunction(String name, List<DataType> argumentTypes, DataType resultType,
                                Supplier<Accumulator> accumulators, boolean countsNulls) {
    public AggregateFunction {
        argumentTypes = List.copyOf(argumentTypes);
    }

    /** An aggregate that, like most, skips rows whose first argument is NULL. */
    public AggregateFunction(String name, List<DataType> argumentTypes, DataType resultType,
                             Supplier<Accumulator> accumulators) {
        this(name, argumentTypes, resultType, accumulators, false);
    }

    public Accumulator newAccumulator() {
        return accumulators.get();
    }
}
