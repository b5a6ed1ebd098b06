package io.weftdb.engine.plan;

import io.weftdb.engine.stats.TableStatistics;

/**
 * The planner's guess of how many rows a plan node produces: table row counts (from ANALYZE or
 * kept since the table was created; a fixed guess otherwise), and simple selectivities above them,
 * as PostgreSQL's default estimates go (a third of the rows pass a filter, 0.5% match an index
 * equality, an equi-join keeps about the larger side). Good enough to choose which side of a hash join to build and where a join chain starts;
 * EXPLAIN prints them.
 */
final class RowEstimates {
    /** Rows assumed for a table that has not been analyzed. */
    static final long UNANALYZED_TABLE_ROWS = 1000;

    private final TableStatistics statistics;

    RowEstimates(TableStatistics statistics) {
        this.statistics = statistics;
    }

    long rows(PlanNode node) {
        return switch (node) {
            case TableScanNode scan -> scan.range().isPoint() ? 1 : tableRows(scan);
            case FilterNode filter -> Math.max(1, rows(filter.input()) / 3);
            case ProjectNode project -> rows(project.input());
            case HashJoinNode join -> Math.max(rows(join.left()), rows(join.right()));
            case NestedLoopJoinNode join -> join.condition() == null ? saturatedProduct(rows(join.left()), rows(join.right()))
                    : Math.max(Math.max(rows(join.left()), rows(join.right())),
                    saturatedProduct(rows(join.left()), rows(join.right())) / 3);
            case LateralJoinNode join -> saturatedProduct(rows(join.left()), Math.max(1, rows(join.right())));
            case HashAggregateNode aggregate -> aggregate.groupKeys().isEmpty() ? 1
                    : Math.max(1, rows(aggregate.input()) / 10);
            case SortNode sort -> rows(sort.input());
            case LimitNode limit -> rows(limit.input());
            case DistinctNode distinct -> Math.max(1, rows(distinct.input()) / 2);
            case DistinctOnNode distinct -> Math.max(1, rows(distinct.input()) / 2);
            case ValuesNode values -> values.rows().size();
            case SetOperationNode set -> rows(set.left()) + rows(set.right());
            case WindowNode window -> rows(window.input());
            case RecursiveUnionNode recursive -> Math.max(1, rows(recursive.initial())) * 10;
            default -> UNANALYZED_TABLE_ROWS;
        };
    }

    private long tableRows(TableScanNode scan) {
        long known = statistics.rowCount(scan.table().id());
        long rows = known >= 0 ? known : UNANALYZED_TABLE_ROWS;
        if (scan.range().isFull()) {
            return rows;
        }
        // Equality on index columns keeps PostgreSQL's default 0.5% without distinct counts; a range a third.
        return Math.max(1, scan.range().equalities().isEmpty() ? rows / 3 : rows / 200);
    }

    private static long saturatedProduct(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }
}
