package io.weftdb.engine.aggregate;

import io.weftdb.ir.type.DataType;
import java.util.List;
import java.util.function.Supplier;

/**
 * An aggregate resolved for its argument types: the types the arguments must be cast to, the result
 * type, and a factory of fresh per-group state.
 */
public record AggregateFunction(String name, List<DataType> argumentTypes, DataType resultType,
                                Supplier<Accumulator> accumulators) {
    public AggregateFunction {
        argumentTypes = List.copyOf(argumentTypes);
    }

    public Accumulator newAccumulator() {
        return accumulators.get();
    }
}
