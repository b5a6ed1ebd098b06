package io.weftdb.engine.plan;

import io.weftdb.engine.stats.TableStatistics;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The planner's guess of how many rows a plan node produces. Tables count their rows (from ANALYZE,
 * kept up to date by commits; a fixed guess for a table never analyzed). Filters, joins and
 * aggregations carry an estimate noted when they were planned, from column statistics
 * ({@link Selectivity}): a filter keeps its conditions' selectivity of the rows below it, an
 * equi-join |L|·|R| / max(distinct keys on either side), a grouping as many rows as its keys have
 * distinct combinations. Other nodes fall back to PostgreSQL's default proportions. Used to order joins, to choose hash-join build sides and index
 * lookups, and printed by EXPLAIN.
 */
final class RowEstimates {
    /** Rows assumed for a table that has not been analyzed. */
    static final long UNANALYZED_TABLE_ROWS = 1000;

    private final TableStatistics statistics;
    /** Estimates worked out when the node was planned, from what its conditions say. */
    private final Map<PlanNode, Double> noted = new IdentityHashMap<>();

    RowEstimates(TableStatistics statistics) {
        this.statistics = statistics;
    }

    TableStatistics statistics() {
        return statistics;
    }

    /** Records a filter's estimate: {@code selectivity} of the rows below it. */
    synchronized void noteFilter(FilterNode filter, double selectivity) {
        noted.put(filter, Math.max(1, filtered(filter.input()) * selectivity));
    }

    /** Records the rows a join or an aggregation is expected to produce. */
    synchronized void noteRows(PlanNode node, double rows) {
        noted.put(node, Math.max(1, rows));
    }

    synchronized long rows(PlanNode node) {
        return Math.max(0, Math.round(Math.min(estimate(node), Long.MAX_VALUE)));
    }

    synchronized double estimate(PlanNode node) {
        Double known = noted.get(node);
        if (known != null) {
            return known;
        }
        return switch (node) {
            case TableScanNode scan -> scan.range().isPoint() ? 1 : scanRows(scan);
            case FilterNode filter -> Math.max(1, estimate(filter.input()) / 3);
            case ProjectNode project -> estimate(project.input());
            case HashJoinNode join -> Math.max(estimate(join.left()), estimate(join.right()));
            case NestedLoopJoinNode join -> join.condition() == null ? estimate(join.left()) * estimate(join.right())
                    : Math.max(Math.max(estimate(join.left()), estimate(join.right())),
                    estimate(join.left()) * estimate(join.right()) / 3);
            case LateralJoinNode join -> estimate(join.left()) * Math.max(1, estimate(join.right()));
            case AggregateNode aggregate -> aggregate.groupKeys().isEmpty() ? 1
                    : Math.max(1, estimate(aggregate.input()) / 10);
            case SortNode sort -> estimate(sort.input());
            case LimitNode limit -> estimate(limit.input());
            case DistinctNode distinct -> Math.max(1, estimate(distinct.input()) / 2);
            case DistinctOnNode distinct -> Math.max(1, estimate(distinct.input()) / 2);
            case ValuesNode values -> values.rows().size();
            case SetOperationNode set -> estimate(set.left()) + estimate(set.right());
            case WindowNode window -> estimate(window.input());
            case RecursiveUnionNode recursive -> Math.max(1, estimate(recursive.initial())) * 10;
            default -> UNANALYZED_TABLE_ROWS;
        };
    }

    /**
     * The rows a filter's selectivity applies to: a table's whole row count when the filter sits on
     * its scan (the selectivity covers the conditions that chose the scan's key range too).
     */
    double filtered(PlanNode input) {
        return input instanceof TableScanNode scan && !scan.range().isPoint() ? tableRows(scan) : estimate(input);
    }

    double tableRows(TableScanNode scan) {
        long known = statistics.rowCount(scan.table().id());
        return known >= 0 ? known : UNANALYZED_TABLE_ROWS;
    }

    private double scanRows(TableScanNode scan) {
        double rows = tableRows(scan);
        if (scan.range().isFull()) {
            return rows;
        }
        // The conditions that chose the range are estimated by the filter above the scan; alone, a range
        // keeps PostgreSQL's default shares: a third for a range, 0.5% for an equality.
        return Math.max(1, scan.range().equalities().isEmpty() ? rows / 3 : rows / 200);
    }
}
