package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.engine.expr.Evaluator;
import io.weftdb.engine.expr.ExpressionCompiler;
import io.weftdb.engine.expr.OuterScopes;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.expr.SubqueryCompiler;
import io.weftdb.engine.expr.TypeRules;
import io.weftdb.engine.value.Casts;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Compiles EXISTS, scalar, IN and ANY/ALL subqueries into evaluators that run the subquery's plan.
 *
 * <p>An uncorrelated subquery (one that reads nothing of the enclosing queries) runs once per
 * statement, its answer kept in the statement's environment; an IN list from one becomes a hash
 * set. A correlated one runs again for each row of the enclosing query, that row visible to its
 * outer references through {@link ExecutionEnvironment#withOuterRow}.
 */
final class SubqueryPlanner implements SubqueryCompiler {
    private final QueryPlanner enclosing;

    SubqueryPlanner(QueryPlanner enclosing) {
        this.enclosing = enclosing;
    }

    /** A planned subquery: its plan and whether it must run again for every outer row. */
    private record Planned(PlanNode plan, boolean correlated) {
        List<Scope.Column> columns() {
            return plan.output().columns();
        }
    }

    @Override
    public BoundExpr compile(Expr subquery, ExpressionCompiler outer) {
        return switch (subquery) {
            case Expr.Exists exists -> {
                Decorrelator.Keyed keyed = new Decorrelator(enclosing.withoutOuter()).exists(exists.query(), outer);
                if (keyed != null) {
                    enclosing.subPlans().add(exists.query(), SubPlans.Kind.HASHED, keyed.plan());
                    yield keyedExists(keyed);
                }
                yield exists(plan(exists.query(), outer));
            }
            case Expr.ScalarSubquery scalar -> {
                Planned planned = plan(scalar.query(), outer);
                Decorrelator.Keyed keyed = planned.correlated() && planned.columns().size() == 1
                        ? new Decorrelator(enclosing.withoutOuter()).scalar(scalar.query(), outer) : null;
                if (keyed != null) {
                    enclosing.subPlans().add(scalar.query(), SubPlans.Kind.HASHED, keyed.plan());
                    yield keyedScalar(keyed, planned, scalar.query());
                }
                yield scalar(planned, scalar.position());
            }
            case Expr.InSubquery in -> {
                BoundExpr any = quantified(BinaryOperator.EQUAL, true, outer.compile(in.operand()),
                        plan(in.query(), outer), in.position(), outer);
                yield in.negated() ? not(any) : any;
            }
            case Expr.Quantified quantified -> quantified(quantified.operator(),
                    quantified.quantifier() == Expr.Quantifier.ANY, outer.compile(quantified.left()),
                    plan(quantified.query(), outer), quantified.position(), outer);
            default -> throw new IllegalArgumentException("not a subquery: " + subquery);
        };
    }

    private Planned plan(Query query, ExpressionCompiler outer) {
        OuterScopes scopes = outer.scopesForSubquery();
        PlanNode plan = enclosing.nested(scopes).plan(query);
        enclosing.subPlans().add(query, scopes.correlated() ? SubPlans.Kind.SUB_PLAN : SubPlans.Kind.INIT_PLAN, plan);
        return new Planned(plan, scopes.correlated());
    }

    private static BoundExpr exists(Planned subquery) {
        PlanNode plan = subquery.plan();
        if (!subquery.correlated()) {
            return new BoundExpr((row, context) -> oncePerStatement(environment(context), plan, () -> anyRow(plan, environment(context))),
                    DataType.BOOLEAN, false);
        }
        return new BoundExpr((row, context) -> anyRow(plan, environment(context).withOuterRow(row)), DataType.BOOLEAN,
                false);
    }

    /** A correlated EXISTS answered from a hash set of the inner keys, built once per statement. */
    private static BoundExpr keyedExists(Decorrelator.Keyed keyed) {
        List<Evaluator> outerKeys = keyed.outerKeys().stream().map(BoundExpr::evaluator).toList();
        return new BoundExpr((row, context) -> {
            ExecutionEnvironment environment = environment(context);
            @SuppressWarnings("unchecked")
            Set<RowKey> keys = (Set<RowKey>) oncePerStatement(environment, keyed.plan(), () -> {
                Set<RowKey> built = new HashSet<>();
                forEachKeyedRow(keyed, environment, (key, inner) -> built.add(key));
                return built;
            });
            RowKey key = outerKey(outerKeys, row, context);
            return key != null && keys.contains(key);
        }, DataType.BOOLEAN, false);
    }

    /** Stands for "several rows had this key" in a keyed scalar subquery's map. */
    private static final Object SEVERAL = new Object();

    /**
     * A correlated scalar subquery answered from a map of inner key to value, built once per
     * statement. A key no inner row has gets the subquery's answer over no rows (NULL, or an
     * aggregate's value over nothing, count(*) 0 among them); a key several rows have is 21000
     * when an outer row asks for it, as the correlated subquery would be.
     */
    private static BoundExpr keyedScalar(Decorrelator.Keyed keyed, Planned correlated, Query query) {
        List<Evaluator> outerKeys = keyed.outerKeys().stream().map(BoundExpr::evaluator).toList();
        DataType type = correlated.columns().get(0).type();
        int valueColumn = keyed.keyCount();
        DataType producedType = keyed.plan().output().columns().get(valueColumn).type();
        PlanNode fallback = correlated.plan();
        return new BoundExpr((row, context) -> {
            ExecutionEnvironment environment = environment(context);
            @SuppressWarnings("unchecked")
            java.util.Map<RowKey, Object> values = (java.util.Map<RowKey, Object>) oncePerStatement(environment, keyed.plan(), () -> {
                java.util.Map<RowKey, Object> built = new java.util.HashMap<>();
                forEachKeyedRow(keyed, environment, (key, inner) -> {
                    Object value = Casts.cast(inner[valueColumn], producedType, type, Casts.Context.IMPLICIT,
                            environment.timeZone());
                    built.merge(key, value == null ? NULL_VALUE : value, (a, b) -> SEVERAL);
                });
                return built;
            });
            RowKey key = outerKey(outerKeys, row, context);
            Object value = key == null ? null : values.get(key);
            if (value == null) {
                // The answer over no inner rows reads nothing of the outer row (the keyed form only
                // exists when the select list is the subquery's own), so one run serves every miss.
                return ((Object[]) oncePerStatement(environment, fallback,
                        () -> new Object[] {singleValue(fallback, environment.withOuterRow(row))}))[0];
            }
            if (value == SEVERAL) {
                throw new SqlException(ErrorCode.CARDINALITY_VIOLATION,
                        "more than one row returned by a subquery used as an expression");
            }
            return value == NULL_VALUE ? null : value;
        }, type, false);
    }

    /** A NULL answer kept in a map that uses null for "absent". */
    private static final Object NULL_VALUE = new Object();

    private interface KeyedRowAction {
        void accept(RowKey key, Object[] row);
    }

    /** Runs the keyed plan, handing each row with its key; rows with a NULL key can match nothing. */
    private static void forEachKeyedRow(Decorrelator.Keyed keyed, ExecutionEnvironment environment, KeyedRowAction action) {
        List<BoundExpr> innerKeys = keyed.innerKeys();
        try (RowSource rows = keyed.plan().run(environment)) {
            while (rows.next()) {
                Object[] row = rows.row();
                Object[] key = new Object[innerKeys.size()];
                boolean nullKey = false;
                for (int i = 0; i < key.length; i++) {
                    key[i] = innerKeys.get(i).evaluate(row, environment);
                    nullKey |= key[i] == null;
                }
                if (!nullKey) {
                    action.accept(new RowKey(key), row.clone());
                }
            }
        }
    }

    private static RowKey outerKey(List<Evaluator> outerKeys, Object[] row, EvaluationContext context) {
        Object[] key = new Object[outerKeys.size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = outerKeys.get(i).evaluate(row, context);
            if (key[i] == null) {
                return null;
            }
        }
        return new RowKey(key);
    }

    private static boolean anyRow(PlanNode plan, ExecutionEnvironment environment) {
        try (RowSource rows = plan.run(environment)) {
            return rows.next();
        }
    }

    private static BoundExpr scalar(Planned subquery, int position) {
        requireOneColumn(subquery, "subquery must return only one column", position);
        PlanNode plan = subquery.plan();
        DataType type = subquery.columns().get(0).type();
        if (!subquery.correlated()) {
            // The answer is kept in a one-element array so that a NULL answer is kept too.
            return new BoundExpr((row, context) -> ((Object[]) oncePerStatement(environment(context), plan,
                    () -> new Object[] {singleValue(plan, environment(context))}))[0], type, false);
        }
        return new BoundExpr((row, context) -> singleValue(plan, environment(context).withOuterRow(row)), type, false);
    }

    private static Object singleValue(PlanNode plan, ExecutionEnvironment environment) {
        try (RowSource rows = plan.run(environment)) {
            if (!rows.next()) {
                return null;
            }
            Object value = rows.row()[0];
            if (rows.next()) {
                throw new SqlException(ErrorCode.CARDINALITY_VIOLATION,
                        "more than one row returned by a subquery used as an expression");
            }
            return value;
        }
    }

    /**
     * {@code left op ANY|ALL (subquery)} with SQL's three-valued answer: ANY is true when some row
     * compares true, else null when some comparison was null, else false (so false for no rows);
     * ALL the dual. IN is {@code = ANY}.
     */
    private static BoundExpr quantified(BinaryOperator operator, boolean any, BoundExpr left, Planned subquery,
                                        int position, ExpressionCompiler outer) {
        requireOneColumn(subquery, "subquery has too many columns", position);
        DataType rightType = subquery.columns().get(0).type();
        BoundExpr leftSlot = new BoundExpr((pair, context) -> pair[0], left.type(), false);
        BoundExpr rightSlot = new BoundExpr((pair, context) -> pair[1], rightType, false);
        Evaluator comparison = outer.compileComparison(operator, leftSlot, rightSlot, position).evaluator();
        Evaluator leftValue = left.evaluator();
        PlanNode plan = subquery.plan();
        if (!subquery.correlated() && any && operator == BinaryOperator.EQUAL) {
            DataType common = TypeRules.concrete(TypeRules.commonType(left.type(), rightType, "=", position));
            if (common.kind() != TypeKind.CHAR) {
                return hashedIn(plan, leftValue, left.type(), rightType, common);
            }
        }
        return new BoundExpr((row, context) -> {
            Object value = leftValue.evaluate(row, context);
            ExecutionEnvironment environment = environment(context);
            if (subquery.correlated()) {
                environment = environment.withOuterRow(row);
            }
            boolean sawNull = false;
            Object[] pair = {value, null};
            try (RowSource rows = plan.run(environment)) {
                while (rows.next()) {
                    pair[1] = rows.row()[0];
                    Object result = comparison.evaluate(pair, context);
                    if (result == null) {
                        sawNull = true;
                    } else if ((Boolean) result == any) {
                        return any;
                    }
                }
            }
            return sawNull ? null : !any;
        }, DataType.BOOLEAN, false);
    }

    /** The rows of an uncorrelated IN subquery, as a hash set of values in the comparison's common type. */
    private record ValueSet(Set<RowKey> values, boolean hasNull) {
        boolean isEmpty() {
            return values.isEmpty() && !hasNull;
        }
    }

    private static BoundExpr hashedIn(PlanNode plan, Evaluator leftValue, DataType leftType, DataType rightType,
                                      DataType common) {
        return new BoundExpr((row, context) -> {
            ExecutionEnvironment environment = environment(context);
            ValueSet set = (ValueSet) oncePerStatement(environment, plan, () -> valueSet(plan, environment, rightType, common));
            if (set.isEmpty()) {
                return false;
            }
            Object value = leftValue.evaluate(row, context);
            if (value == null) {
                return null;
            }
            Object converted = Casts.cast(value, leftType, common, Casts.Context.IMPLICIT, context.timeZone());
            if (set.values().contains(new RowKey(new Object[] {converted}))) {
                return true;
            }
            return set.hasNull() ? null : false;
        }, DataType.BOOLEAN, false);
    }

    private static ValueSet valueSet(PlanNode plan, ExecutionEnvironment environment, DataType type, DataType common) {
        Set<RowKey> values = new HashSet<>();
        boolean hasNull = false;
        try (RowSource rows = plan.run(environment)) {
            while (rows.next()) {
                Object value = rows.row()[0];
                if (value == null) {
                    hasNull = true;
                } else {
                    values.add(new RowKey(new Object[] {Casts.cast(value, type, common, Casts.Context.IMPLICIT,
                            environment.timeZone())}));
                }
            }
        }
        return new ValueSet(values, hasNull);
    }

    private static BoundExpr not(BoundExpr predicate) {
        Evaluator inner = predicate.evaluator();
        return new BoundExpr((row, context) -> {
            Object value = inner.evaluate(row, context);
            return value == null ? null : !(Boolean) value;
        }, DataType.BOOLEAN, false);
    }

    private static void requireOneColumn(Planned subquery, String message, int position) {
        if (subquery.columns().size() != 1) {
            throw new SqlException(ErrorCode.SYNTAX_ERROR, message, position);
        }
    }

    /**
     * The statement's answer for {@code plan}, computed on first use. Not computeIfAbsent: computing
     * may run nested subqueries that add their own answers to the same map.
     */
    private static Object oncePerStatement(ExecutionEnvironment environment, PlanNode plan, Supplier<Object> compute) {
        Object answer = environment.subqueryResults().get(plan);
        if (answer == null) {
            answer = compute.get();
            environment.subqueryResults().put(plan, answer);
        }
        return answer;
    }

    /** Subqueries only run inside a statement's execution, whose environment is the evaluation context. */
    private static ExecutionEnvironment environment(EvaluationContext context) {
        return (ExecutionEnvironment) context;
    }
}
