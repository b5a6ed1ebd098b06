package io.weftdb.engine.plan;

import io.weftdb.engine.aggregate.Accumulator;
import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.RowSizes;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.exec.SpillFile;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.engine.expr.Scope;
import io.weftdb.ir.type.DataType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GROUP BY and aggregates: produces one row per group (RowKey equality, so NULLs form one group):
 * the key values followed by each aggregate's result. Without GROUP BY there is exactly one group,
 * even over no input.
 *
 * <p>Hashed (PostgreSQL's HashAggregate): reads all input into a hash table of groups, one entry
 * per group in memory (plus the values seen by each DISTINCT aggregate) up to work_mem; groups
 * beyond it are aggregated from spill files, partition by partition. With {@code inputGrouped}
 * (GroupAggregate: the input arrives in an index's order, so each group's rows are adjacent) a
 * group is finished and produced as soon as a row of the next one arrives: one group in memory,
 * output as the input streams.
 */
public record AggregateNode(PlanNode input, List<BoundExpr> groupKeys, List<BoundAggregate> aggregates,
                            List<int[]> groupingSets, List<int[]> groupingCalls, Scope output, boolean inputGrouped)
        implements PlanNode {
    public AggregateNode {
        groupKeys = List.copyOf(groupKeys);
        aggregates = List.copyOf(aggregates);
        groupingSets = List.copyOf(groupingSets);
        groupingCalls = List.copyOf(groupingCalls);
    }

    public AggregateNode(PlanNode input, List<BoundExpr> groupKeys, List<BoundAggregate> aggregates, Scope output) {
        this(input, groupKeys, aggregates, List.of(), List.of(), output, false);
    }

    /** How many files the groups that do not fit in work_mem are spread over. */
    private static final int SPILL_PARTITIONS = 16;
    /** Heap a group takes besides its key values: the map entry, the group and its accumulators. */
    private static final long GROUP_OVERHEAD_BYTES = 160;

    @Override
    public RowSource open(ExecutionEnvironment environment) {
        RowSource source = input.run(environment);
        return new RowSource() {
            private Iterator<Group> groups;
            private Object[] row;

            @Override
            public boolean next() {
                if (groups == null) {
                    groups = aggregate(source, environment);
                }
                if (!groups.hasNext()) {
                    return false;
                }
                row = groups.next().row();
                return true;
            }

            @Override
            public Object[] row() {
                return row;
            }

            @Override
            public void close() {
                groups = null;
                source.close();
            }
        };
    }

    /**
     * Aggregates the input. Groups are kept in memory while they fit in work_mem; after that, rows
     * of groups not yet in memory are written, by a hash of their group key, to one of
     * {@link #SPILL_PARTITIONS} files (with the grouping set they count for), and each file is
     * aggregated on its own once the groups in memory have been returned. A file whose groups
     * still do not fit is aggregated in memory all the same.
     */
    private Iterator<Group> aggregate(RowSource source, ExecutionEnvironment environment) {
        EvaluationContext context = environment.context();
        if (groupKeys.isEmpty() && groupingSets.isEmpty()) {
            // One group, over no rows too: nothing to hash.
            Group only = new Group(new Object[] {0}, 0);
            while (source.next()) {
                only.add(source.row(), context);
            }
            return List.of(only).iterator();
        }
        if (inputGrouped && groupingSets.isEmpty()) {
            return new AdjacentGroups(source, context);
        }
        List<int[]> sets = groupingSets.isEmpty() ? List.of(allKeys()) : groupingSets;
        // Insertion order keeps the output in first-seen order, which makes unordered results stable.
        Map<RowKey, Group> groups = new LinkedHashMap<>();
        long budget = environment.workMemoryBytes();
        long held = 0;
        SpillFile[] partitions = null;
        List<DataType> spilledTypes = null;
        boolean anyInput = false;
        try {
            while (source.next()) {
                anyInput = true;
                Object[] in = source.row();
                // Without grouping sets the keys are evaluated straight into the group key.
                Object[] values = groupingSets.isEmpty() ? null : keyValues(in, context);
                for (int set = 0; set < sets.size(); set++) {
                    Object[] keys = values == null ? plainGroupKey(in, context) : setKeys(values, sets.get(set), set);
                    RowKey key = new RowKey(keys);
                    Group group = groups.get(key);
                    if (group == null && partitions != null) {
                        if (spilledTypes == null) {
                            spilledTypes = spilledRowTypes();
                        }
                        int partition = key.partition(SPILL_PARTITIONS);
                        if (partitions[partition] == null) {
                            partitions[partition] = new SpillFile(spilledTypes);
                        }
                        Object[] spilled = java.util.Arrays.copyOf(in, in.length + 1);
                        spilled[in.length] = (long) set;
                        partitions[partition].write(spilled);
                        continue;
                    }
                    if (group == null) {
                        group = new Group(keys, set);
                        groups.put(key, group);
                        held += GROUP_OVERHEAD_BYTES + RowSizes.estimate(keys);
                        if (held > budget) {
                            partitions = new SpillFile[SPILL_PARTITIONS];
                        }
                    }
                    group.add(in, context);
                }
            }
        } catch (RuntimeException e) {
            SpillFile.closeAll(partitions);
            throw e;
        }
        if (!anyInput) {
            // Over no rows, each empty grouping set (and a query without GROUP BY) still yields one row.
            for (int set = 0; set < sets.size(); set++) {
                if (sets.get(set).length == 0) {
                    Object[] keys = new Object[groupKeys.size() + 1];
                    keys[groupKeys.size()] = set;
                    groups.put(new RowKey(keys), new Group(keys, set));
                }
            }
        }
        if (partitions == null) {
            return groups.values().iterator();
        }
        return new SpilledGroups(groups.values().iterator(), partitions, sets, environment);
    }

    /** The input row's columns followed by the number of the grouping set it was spilled for. */
    private List<DataType> spilledRowTypes() {
        List<DataType> types = new java.util.ArrayList<>(input.output().columns().stream().map(Scope.Column::type).toList());
        types.add(DataType.BIGINT);
        return types;
    }

    private Object[] keyValues(Object[] in, EvaluationContext context) {
        Object[] values = new Object[groupKeys.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = groupKeys.get(i).evaluate(in, context);
        }
        return values;
    }

    /** The group key of a GROUP BY without grouping sets: the key values, then set number 0. */
    private Object[] plainGroupKey(Object[] in, EvaluationContext context) {
        int count = groupKeys.size();
        Object[] keys = new Object[count + 1];
        for (int i = 0; i < count; i++) {
            keys[i] = groupKeys.get(i).evaluate(in, context);
        }
        keys[count] = 0;
        return keys;
    }

    /** A group key: the set's key values (the others NULL), then the set's number to keep sets apart. */
    private static Object[] setKeys(Object[] values, int[] members, int set) {
        Object[] keys = new Object[values.length + 1];
        for (int index : members) {
            keys[index] = values[index];
        }
        keys[values.length] = set;
        return keys;
    }

    /** The groups held in memory, then those of each spilled partition, aggregated one file at a time. */
    private final class SpilledGroups implements Iterator<Group> {
        private Iterator<Group> current;
        private final SpillFile[] partitions;
        private final List<int[]> sets;
        private final ExecutionEnvironment environment;
        private int next;

        SpilledGroups(Iterator<Group> inMemory, SpillFile[] partitions, List<int[]> sets, ExecutionEnvironment environment) {
            this.current = inMemory;
            this.partitions = partitions;
            this.sets = sets;
            this.environment = environment;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                if (next >= partitions.length) {
                    return false;
                }
                SpillFile partition = partitions[next];
                partitions[next++] = null;
                if (partition != null) {
                    current = aggregatePartition(partition);
                }
            }
            return true;
        }

        @Override
        public Group next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return current.next();
        }

        private Iterator<Group> aggregatePartition(SpillFile partition) {
            EvaluationContext context = environment.context();
            Map<RowKey, Group> groups = new LinkedHashMap<>();
            try (partition; RowSource rows = partition.read()) {
                while (rows.next()) {
                    environment.checkCancelled();
                    Object[] spilled = rows.row();
                    Object[] in = java.util.Arrays.copyOf(spilled, spilled.length - 1);
                    int set = ((Long) spilled[spilled.length - 1]).intValue();
                    Object[] keys = setKeys(keyValues(in, context), sets.get(set), set);
                    groups.computeIfAbsent(new RowKey(keys), key -> new Group(keys, set)).add(in, context);
                }
            } catch (RuntimeException e) {
                SpillFile.closeAll(partitions);
                throw e;
            }
            return groups.values().iterator();
        }
    }

    /** Groups of an input whose equal keys are adjacent: each ends where the next begins. */
    private final class AdjacentGroups implements Iterator<Group> {
        private final RowSource source;
        private final EvaluationContext context;
        private Group current;
        private boolean ended;

        AdjacentGroups(RowSource source, EvaluationContext context) {
            this.source = source;
            this.context = context;
        }

        @Override
        public boolean hasNext() {
            if (current == null && !ended) {
                if (source.next()) {
                    current = startGroup(source.row());
                } else {
                    ended = true;
                }
            }
            return current != null;
        }

        @Override
        public Group next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            Group group = current;
            current = null;
            while (source.next()) {
                Object[] in = source.row();
                Object[] values = keyValues(in, context);
                if (!RowKey.sameValues(values, group.keys)) {
                    current = new Group(setKeys(values, allKeys(), 0), 0);
                    current.add(in, context);
                    return group;
                }
                group.add(in, context);
            }
            ended = true;
            return group;
        }

        private Group startGroup(Object[] in) {
            Group group = new Group(setKeys(keyValues(in, context), allKeys(), 0), 0);
            group.add(in, context);
            return group;
        }
    }

    private int[] allKeys() {
        int[] all = new int[groupKeys.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }

    /** GROUPING(...) for a row of grouping set {@code set}: bit set for each named key outside it. */
    private int groupingValue(int[] keyIndices, int set) {
        int[] members = groupingSets.isEmpty() ? allKeys() : groupingSets.get(set);
        int value = 0;
        for (int keyIndex : keyIndices) {
            boolean present = false;
            for (int member : members) {
                present |= member == keyIndex;
            }
            value = (value << 1) | (present ? 0 : 1);
        }
        return value;
    }

    /** One group's key values and the running state of each aggregate. */
    private final class Group {
        private final Object[] keys;
        private final int set;
        private final Accumulator[] accumulators = new Accumulator[aggregates.size()];
        private final List<Set<RowKey>> distinctSeen;
        /** For aggregates with ORDER BY: each counted row's arguments and order values, fed in order at the end. */
        private final List<List<Object[][]>> pending;

        Group(Object[] keys, int set) {
            this.keys = keys;
            this.set = set;
            this.distinctSeen = new ArrayList<>(aggregates.size());
            this.pending = new ArrayList<>(aggregates.size());
            for (int i = 0; i < accumulators.length; i++) {
                accumulators[i] = aggregates.get(i).function().newAccumulator();
                distinctSeen.add(aggregates.get(i).distinct() ? new HashSet<>() : null);
                pending.add(aggregates.get(i).ordered() ? new ArrayList<>() : null);
            }
        }

        void add(Object[] in, EvaluationContext context) {
            for (int i = 0; i < accumulators.length; i++) {
                BoundAggregate aggregate = aggregates.get(i);
                if (aggregate.filter() != null && !Boolean.TRUE.equals(aggregate.filter().evaluate(in, context))) {
                    continue;
                }
                List<BoundExpr> argumentExprs = aggregate.arguments();
                Object[] arguments = new Object[argumentExprs.size()];
                for (int a = 0; a < arguments.length; a++) {
                    arguments[a] = argumentExprs.get(a).evaluate(in, context);
                }
                if (arguments.length > 0 && arguments[0] == null && !aggregate.function().countsNulls()) {
                    continue;
                }
                if (distinctSeen.get(i) != null && !distinctSeen.get(i).add(new RowKey(arguments))) {
                    continue;
                }
                if (pending.get(i) != null) {
                    List<BoundExpr> orderBy = aggregate.orderBy();
                    Object[] order = new Object[orderBy.size()];
                    for (int k = 0; k < order.length; k++) {
                        order[k] = orderBy.get(k).evaluate(in, context);
                    }
                    pending.get(i).add(new Object[][] {arguments, order});
                    continue;
                }
                accumulators[i].add(arguments);
            }
        }

        Object[] row() {
            int keyCount = groupKeys.size();
            Object[] out = new Object[keyCount + accumulators.length + groupingCalls.size()];
            System.arraycopy(keys, 0, out, 0, keyCount);
            for (int i = 0; i < groupingCalls.size(); i++) {
                out[keyCount + accumulators.length + i] = (long) groupingValue(groupingCalls.get(i), set);
            }
            for (int i = 0; i < accumulators.length; i++) {
                if (pending.get(i) != null) {
                    java.util.Comparator<Object[]> order = SortNode.ordering(aggregates.get(i).orderKeys());
                    pending.get(i).sort((a, b) -> order.compare(a[1], b[1]));
                    for (Object[][] counted : pending.get(i)) {
                        accumulators[i].add(counted[0]);
                    }
                    pending.set(i, new ArrayList<>());
                }
                out[keyCount + i] = accumulators[i].result();
            }
            return out;
        }
    }

    @Override
    public String describe() {
        return groupKeys.isEmpty() ? "Aggregate" : inputGrouped ? "GroupAggregate" : "HashAggregate";
    }

    @Override
    public List<PlanNode> children() {
        return List.of(input);
    }
}
