package io.weftdb.engine.plan;

import io.weftdb.engine.aggregate.Accumulator;
import io.weftdb.engine.aggregate.AggregateFunction;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import java.util.List;

/**
 * One window function call, computed over a sorted partition: every row's value at once, since
 * ranks, offsets and frames all look at neighbouring rows.
 */
sealed interface WindowFunction {

    /** Fills {@code out[i]} for each row of the partition. */
    void compute(WindowPartition partition, Object[] out, EvaluationContext context);

    /** row_number, rank, dense_rank, percent_rank, cume_dist. */
    record Ranking(String name) implements WindowFunction {
        @Override
        public void compute(WindowPartition partition, Object[] out, EvaluationContext context) {
            int size = partition.size();
            long denseRank = 0;
            for (int i = 0; i < size; i++) {
                int first = partition.firstPeer(i);
                if (first == i) {
                    denseRank++;
                }
                out[i] = switch (name) {
                    case "row_number" -> (long) i + 1;
                    case "rank" -> (long) first + 1;
                    case "dense_rank" -> denseRank;
                    case "percent_rank" -> size == 1 ? 0.0 : (double) first / (size - 1);
                    case "cume_dist" -> (double) (partition.lastPeer(i) + 1) / size;
                    default -> throw new IllegalStateException(name);
                };
            }
        }
    }

    /** ntile(n): the rows split into n groups as equal as possible, the first ones one larger. */
    record Ntile(BoundExpr buckets) implements WindowFunction {
        @Override
        public void compute(WindowPartition partition, Object[] out, EvaluationContext context) {
            int size = partition.size();
            for (int i = 0; i < size; i++) {
                Object value = buckets.evaluate(partition.row(i), context);
                if (value == null) {
                    out[i] = null;
                    continue;
                }
                long n = ((Number) value).longValue();
                if (n <= 0) {
                    throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "argument of ntile must be greater than zero");
                }
                long perBucket = size / n;
                long larger = size % n;
                long boundary = larger * (perBucket + 1);
                out[i] = i < boundary ? i / (perBucket + 1) + 1 : larger + (perBucket == 0 ? 0 : (i - boundary) / perBucket) + 1;
            }
        }
    }

    /** lag/lead(value [, offset [, default]]): the value {@code offset} rows before/after, else the default. */
    record Offset(BoundExpr value, BoundExpr offset, BoundExpr fallback, boolean forward) implements WindowFunction {
        @Override
        public void compute(WindowPartition partition, Object[] out, EvaluationContext context) {
            for (int i = 0; i < partition.size(); i++) {
                Object[] row = partition.row(i);
                Object steps = offset == null ? Long.valueOf(1) : offset.evaluate(row, context);
                if (steps == null) {
                    out[i] = null;
                    continue;
                }
                long target = i + (forward ? 1 : -1) * ((Number) steps).longValue();
                out[i] = target >= 0 && target < partition.size() ? value.evaluate(partition.row((int) target), context)
                        : fallback == null ? null : fallback.evaluate(row, context);
            }
        }
    }

    /** first_value, last_value, nth_value over each row's frame. */
    record FrameValue(String name, BoundExpr value, BoundExpr nth, WindowFrameBounds frame) implements WindowFunction {
        @Override
        public void compute(WindowPartition partition, Object[] out, EvaluationContext context) {
            for (int i = 0; i < partition.size(); i++) {
                int[] bounds = frame.bounds(partition, i, context);
                int start = bounds[0];
                int end = bounds[1];
                int target;
                if (name.equals("first_value")) {
                    target = start;
                } else if (name.equals("last_value")) {
                    target = end - 1;
                } else {
                    Object n = nth.evaluate(partition.row(i), context);
                    if (n == null) {
                        out[i] = null;
                        continue;
                    }
                    long position = ((Number) n).longValue();
                    if (position <= 0) {
                        throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "argument of nth_value must be greater than zero");
                    }
                    target = (int) Math.min(Integer.MAX_VALUE, start + position - 1);
                }
                out[i] = target >= start && target < end ? value.evaluate(partition.row(target), context) : null;
            }
        }
    }

    /**
     * An aggregate over each row's frame. A frame that starts at the partition's start and only
     * grows (the default, and UNBOUNDED PRECEDING to CURRENT ROW or n FOLLOWING) is accumulated
     * once, incrementally; other frames are aggregated row by row.
     */
    record Aggregate(AggregateFunction function, List<BoundExpr> arguments, BoundExpr filter, boolean star,
                     WindowFrameBounds frame) implements WindowFunction {
        public Aggregate {
            arguments = List.copyOf(arguments);
        }

        @Override
        public void compute(WindowPartition partition, Object[] out, EvaluationContext context) {
            Accumulator running = null;
            int added = 0;
            for (int i = 0; i < partition.size(); i++) {
                int[] bounds = frame.bounds(partition, i, context);
                if (bounds[0] == 0 && bounds[1] >= added && running != null) {
                    for (; added < bounds[1]; added++) {
                        add(running, partition.row(added), context);
                    }
                    out[i] = running.result();
                    continue;
                }
                Accumulator accumulator = function.newAccumulator();
                for (int j = bounds[0]; j < bounds[1]; j++) {
                    add(accumulator, partition.row(j), context);
                }
                out[i] = accumulator.result();
                if (bounds[0] == 0) {
                    running = accumulator;
                    added = Math.max(bounds[1], 0);
                }
            }
        }

        private void add(Accumulator accumulator, Object[] row, EvaluationContext context) {
            if (filter != null && !Boolean.TRUE.equals(filter.evaluate(row, context))) {
                return;
            }
            Object[] values = new Object[arguments.size()];
            for (int k = 0; k < values.length; k++) {
                values[k] = arguments.get(k).evaluate(row, context);
            }
            if (!star && values.length > 0 && values[0] == null && !function.countsNulls()) {
                return;
            }
            accumulator.add(values);
        }
    }
}
