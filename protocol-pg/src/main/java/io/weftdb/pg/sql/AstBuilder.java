package io.weftdb.pg.sql;

import io.weftdb.ir.parse.ParsedStatement;
import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.expr.NamedWindows;
import io.weftdb.ir.expr.SortItem;
import io.weftdb.ir.expr.UnaryOperator;
import io.weftdb.ir.stmt.ColumnConstraint;
import io.weftdb.ir.stmt.ColumnDefinition;
import io.weftdb.ir.stmt.Copy;
import io.weftdb.ir.stmt.DataChange;
import io.weftdb.ir.stmt.Explain;
import io.weftdb.ir.stmt.FromItem;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.stmt.ReferentialAction;
import io.weftdb.ir.stmt.SchemaChange;
import io.weftdb.ir.stmt.SchemaChange.AlterAction;
import io.weftdb.ir.stmt.SessionCommand;
import io.weftdb.ir.stmt.Statement;
import io.weftdb.ir.stmt.TableConstraint;
import io.weftdb.ir.stmt.TransactionControl;
import io.weftdb.ir.stmt.TransactionControl.IsolationLevel;
import io.weftdb.ir.type.DataType;
import io.weftdb.pg.sql.PostgresSqlGrammar.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The one visitor from PostgreSQL parse trees to WeftDB's IR. Labelled alternatives (expressions,
 * statements, FROM items, constraints...) are visited; plain helper rules are read by the typed
 * private methods below. Every Expr, TableRef and ColumnDefinition gets the 1-based char position
 * of its first character in the whole script.
 *
 * <p>What the grammar accepts but the IR cannot carry (temporary tables, expression indexes,
 * identity sequence options...) is rejected here with FEATURE_NOT_SUPPORTED rather than dropped.
 */
final class AstBuilder extends PostgresSqlGrammarBaseVisitor<Object> {
    /** A bare number, which an INTERVAL field qualifier gives a unit ({@code INTERVAL '2' DAY}). */
    private static final Pattern BARE_NUMBER = Pattern.compile("\\s*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)\\s*");

    /** VACUUM options PostgreSQL knows; none changes what VACUUM does here (refresh statistics). */
    private static final Set<String> VACUUM_OPTIONS = Set.of(
            "full", "freeze", "verbose", "analyze", "analyse", "disable_page_skipping", "skip_locked", "index_cleanup",
            "process_main", "process_toast", "truncate", "parallel", "skip_database_stats", "only_database_stats",
            "buffer_usage_limit");

    /** EXPLAIN options that only shape PostgreSQL's output details; accepted and not needed here. */
    private static final Set<String> EXPLAIN_DETAIL_OPTIONS = Set.of(
            "costs", "buffers", "timing", "summary", "settings", "wal", "generic_plan", "serialize", "memory");

    private final SourceText source;

    AstBuilder(SourceText source) {
        this.source = source;
    }

    List<ParsedStatement> script(ScriptContext ctx) {
        List<ParsedStatement> statements = new ArrayList<>();
        for (StatementContext statement : ctx.statement()) {
            statements.add(new ParsedStatement(
                    (Statement) visit(statement),
                    source.text(statement.getStart(), statement.getStop()),
                    source.charOffset(statement.getStart().getStartIndex())));
        }
        return statements;
    }

    @Override
    public Statement visitStatement(StatementContext ctx) {
        return (Statement) visit(ctx.getChild(0));
    }

    // ---------------------------------------------------------------------------------------------
    // Queries

    @Override
    public Query visitQuery(QueryContext ctx) {
        List<Query.With> with = ctx.withClause() == null ? List.of() : withClause(ctx.withClause());
        Expr limit = null;
        Expr offset = null;
        Query.LockMode lockMode = Query.LockMode.NONE;
        Query.LockWait lockWait = Query.LockWait.WAIT;
        ParserRuleContext limitClause = null;
        ParserRuleContext offsetClause = null;
        ParserRuleContext lockingClause = null;
        for (QueryModifierContext modifier : ctx.queryModifier()) {
            if (modifier instanceof LimitClauseContext || modifier instanceof FetchClauseContext) {
                if (limitClause != null) {
                    throw syntaxError("multiple LIMIT clauses not allowed", modifier);
                }
                limitClause = modifier;
                limit = modifier instanceof LimitClauseContext limitContext
                        ? optionalExpression(limitContext.limit)
                        : fetchCount((FetchClauseContext) modifier);
            } else if (modifier instanceof OffsetClauseContext offsetContext) {
                if (offsetClause != null) {
                    throw syntaxError("multiple OFFSET clauses not allowed", modifier);
                }
                offsetClause = modifier;
                offset = expression(offsetContext.offset);
            } else {
                LockingClauseContext locking = (LockingClauseContext) modifier;
                lockingClause = modifier;
                lockMode = strongest(lockMode, lockMode(locking));
                if (locking.OF() != null) {
                    throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED,
                            lockName(lockMode(locking)) + " OF is not supported: the clause locks rows of every table",
                            source.position(locking.OF().getSymbol()));
                }
                if (locking.NOWAIT() != null) {
                    lockWait = Query.LockWait.NOWAIT;
                } else if (locking.SKIP_KEYWORD() != null && lockWait == Query.LockWait.WAIT) {
                    lockWait = Query.LockWait.SKIP_LOCKED;
                }
            }
        }
        QueryClauses clauses = new QueryClauses(with, orderBy(ctx.orderByClause()), limit, offset, lockMode, lockWait);
        return clauses.applyTo((Query) visit(ctx.setExpression()), position(ctx), optionalPosition(ctx.orderByClause()),
                optionalPosition(limitClause), optionalPosition(offsetClause), optionalPosition(lockingClause));
    }

    /**
     * The clauses written after a query body. Like PostgreSQL's insertSelectOptions they merge into
     * a parenthesised query, so {@code (SELECT ... LIMIT 1) LIMIT 2} is an error rather than a nesting.
     */
    private record QueryClauses(List<Query.With> with, List<SortItem> orderBy, Expr limit, Expr offset,
                                Query.LockMode lockMode, Query.LockWait lockWait) {

        boolean isEmpty() {
            return with.isEmpty() && orderBy.isEmpty() && limit == null && offset == null
                    && lockMode == Query.LockMode.NONE;
        }

        /** Applies the clauses to the query body; the int arguments are the clauses' positions, for errors. */
        Query applyTo(Query body, int withAt, int orderByAt, int limitAt, int offsetAt, int lockAt) {
            if (isEmpty()) {
                return body;
            }
            return switch (body) {
                case Query.Select select -> select.withTail(
                        merge(select.with(), with, "WITH", withAt),
                        merge(select.orderBy(), orderBy, "ORDER BY", orderByAt),
                        merge(select.limit(), limit, "LIMIT", limitAt),
                        merge(select.offset(), offset, "OFFSET", offsetAt),
                        select.lockMode() == Query.LockMode.NONE ? lockMode : strongest(select.lockMode(), lockMode),
                        lockMode == Query.LockMode.NONE ? select.lockWait() : lockWait);
                case Query.SetOperation setOperation -> {
                    if (lockMode != Query.LockMode.NONE) {
                        throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED,
                                lockName(lockMode) + " is not allowed with UNION/INTERSECT/EXCEPT", lockAt);
                    }
                    yield new Query.SetOperation(merge(setOperation.with(), with, "WITH", withAt),
                            setOperation.operator(), setOperation.all(), setOperation.left(), setOperation.right(),
                            merge(setOperation.orderBy(), orderBy, "ORDER BY", orderByAt),
                            merge(setOperation.limit(), limit, "LIMIT", limitAt),
                            merge(setOperation.offset(), offset, "OFFSET", offsetAt));
                }
                case Query.Values values -> {
                    if (lockMode != Query.LockMode.NONE) {
                        throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED,
                                lockName(lockMode) + " cannot be applied to VALUES", lockAt);
                    }
                    Query.Values ordered = new Query.Values(values.rows(),
                            merge(values.orderBy(), orderBy, "ORDER BY", orderByAt),
                            merge(values.limit(), limit, "LIMIT", limitAt),
                            merge(values.offset(), offset, "OFFSET", offsetAt));
                    // The IR's VALUES has no WITH; SELECT * FROM (VALUES ...) under the WITH means the same.
                    yield with.isEmpty() ? ordered : new Query.Select(with, false, List.of(),
                            List.of(new Query.SelectItem(new Expr.Star(null, 0), null)),
                            List.of(new FromItem.DerivedTable(ordered, null, List.of(), false, 0)),
                            null, List.of(), null, List.of(), null, null, Query.LockMode.NONE);
                }
            };
        }

        private static <T> List<T> merge(List<T> inner, List<T> outer, String clause, int at) {
            if (outer.isEmpty()) {
                return inner;
            }
            if (!inner.isEmpty()) {
                throw new SqlException(ErrorCode.SYNTAX_ERROR, "multiple " + clause + " clauses not allowed", at);
            }
            return outer;
        }

        private static Expr merge(Expr inner, Expr outer, String clause, int at) {
            if (outer == null) {
                return inner;
            }
            if (inner != null) {
                throw new SqlException(ErrorCode.SYNTAX_ERROR, "multiple " + clause + " clauses not allowed", at);
            }
            return outer;
        }
    }

    private Expr fetchCount(FetchClauseContext ctx) {
        return ctx.fetchCount == null
                ? new Expr.Literal(1L, DataType.INTEGER, 0)
                : expression(ctx.fetchCount);
    }

    private static Query.LockMode lockMode(LockingClauseContext ctx) {
        if (ctx.NO() != null) {
            return Query.LockMode.FOR_NO_KEY_UPDATE;
        }
        if (ctx.UPDATE() != null) {
            return Query.LockMode.FOR_UPDATE;
        }
        return ctx.KEY() != null ? Query.LockMode.FOR_KEY_SHARE : Query.LockMode.FOR_SHARE;
    }

    /** Several locking clauses lock with the strongest, as PostgreSQL does; the enum lists them strongest first. */
    private static Query.LockMode strongest(Query.LockMode current, Query.LockMode added) {
        if (current == Query.LockMode.NONE) {
            return added;
        }
        return added.ordinal() < current.ordinal() ? added : current;
    }

    private static String lockName(Query.LockMode lockMode) {
        return lockMode.name().replace('_', ' ');
    }

    private List<Query.With> withClause(WithClauseContext ctx) {
        boolean recursive = ctx.RECURSIVE() != null;
        List<Query.With> with = new ArrayList<>();
        for (CommonTableExpressionContext cte : ctx.commonTableExpression()) {
            with.add(new Query.With(name(cte.identifier()), columnNames(cte.columnNameList()), query(cte.query()),
                    recursive));
        }
        return with;
    }

    @Override
    public Query visitPrimarySet(PrimarySetContext ctx) {
        return (Query) visit(ctx.queryPrimary());
    }

    @Override
    public Query visitIntersectSet(IntersectSetContext ctx) {
        return setOperation(Query.SetOperator.INTERSECT, ctx.left, ctx.right, ctx.setQuantifier());
    }

    @Override
    public Query visitUnionOrExceptSet(UnionOrExceptSetContext ctx) {
        Query.SetOperator operator = ctx.operator.getType() == PostgresSqlLexer.UNION
                ? Query.SetOperator.UNION
                : Query.SetOperator.EXCEPT;
        return setOperation(operator, ctx.left, ctx.right, ctx.setQuantifier());
    }

    private Query setOperation(Query.SetOperator operator, SetExpressionContext left, SetExpressionContext right,
                               SetQuantifierContext quantifier) {
        boolean all = quantifier != null && quantifier.ALL() != null;
        return new Query.SetOperation(List.of(), operator, all, (Query) visit(left), (Query) visit(right), List.of(),
                null, null);
    }

    @Override
    public Query visitSelectPrimary(SelectPrimaryContext ctx) {
        return (Query) visit(ctx.selectCore());
    }

    @Override
    public Query visitValuesPrimary(ValuesPrimaryContext ctx) {
        return (Query) visit(ctx.valuesClause());
    }

    /** {@code TABLE t} is {@code SELECT * FROM t}. */
    @Override
    public Query visitTablePrimary(TablePrimaryContext ctx) {
        FromItem table = new FromItem.TableRef(qualifiedName(ctx.qualifiedName()), null, List.of(),
                position(ctx.qualifiedName()));
        return new Query.Select(List.of(), false, List.of(),
                List.of(new Query.SelectItem(new Expr.Star(null, position(ctx)), null)), List.of(table), null,
                List.of(), null, List.of(), null, null, Query.LockMode.NONE);
    }

    @Override
    public Query visitParenthesizedPrimary(ParenthesizedPrimaryContext ctx) {
        return query(ctx.query());
    }

    @Override
    public Query visitSelectCore(SelectCoreContext ctx) {
        // WINDOW w AS (...) names windows for the select list's OVER clauses; they are resolved here,
        // while building the calls, so the IR carries only complete window specifications.
        Map<String, Expr.WindowSpec> windows = new HashMap<>();
        for (WindowDefinitionContext definition : ctx.windowDefinition()) {
            String name = name(definition.name);
            if (windows.containsKey(name)) {
                throw new SqlException(ErrorCode.WINDOWING_ERROR, "window \"" + name + "\" is already defined",
                        position(definition));
            }
            namedWindows.enter(windows);
            try {
                windows.put(name, window(definition.windowSpecification()));
            } finally {
                namedWindows.leave();
            }
        }
        namedWindows.enter(windows);
        try {
            return selectCore(ctx);
        } finally {
            namedWindows.leave();
        }
    }

    /** The windows named by the WINDOW clauses of the SELECTs being built, innermost first. */
    private final NamedWindows namedWindows = new NamedWindows();

    private Query selectCore(SelectCoreContext ctx) {
        DistinctClauseContext distinctClause = ctx.distinctClause();
        boolean distinctOn = distinctClause != null && distinctClause.ON() != null;
        boolean distinct = distinctClause != null && distinctClause.DISTINCT() != null && !distinctOn;
        return new Query.Select(
                List.of(),
                distinct,
                distinctOn ? expressions(distinctClause.expression()) : List.of(),
                ctx.selectList() == null ? List.of() : selectList(ctx.selectList()),
                ctx.fromClause() == null ? List.of() : fromItems(ctx.fromClause().fromItem()),
                optionalExpression(ctx.where),
                groupByExpressions(ctx.groupBy),
                optionalExpression(ctx.having),
                List.of(), null, null, Query.LockMode.NONE,
                groupingSets(ctx.groupBy));
    }

    /** Every expression GROUP BY names, in ROLLUP/CUBE/GROUPING SETS too (the engine drops repeats). */
    private List<Expr> groupByExpressions(List<GroupingElementContext> elements) {
        if (elements.stream().allMatch(element -> element instanceof ExpressionGroupingContext)) {
            return elements.stream().map(element -> expression(((ExpressionGroupingContext) element).expression())).toList();
        }
        List<Expr> expressions = new ArrayList<>();
        for (List<Expr> set : expandGrouping(elements)) {
            expressions.addAll(set);
        }
        return expressions;
    }

    /**
     * The grouping sets of a GROUP BY with ROLLUP, CUBE or GROUPING SETS: each element's sets, and
     * the cross product of the elements' sets, as PostgreSQL defines them. Empty for a plain GROUP BY.
     */
    private List<List<Expr>> groupingSets(List<GroupingElementContext> elements) {
        if (elements.stream().allMatch(element -> element instanceof ExpressionGroupingContext)) {
            return List.of();
        }
        return expandGrouping(elements);
    }

    private List<List<Expr>> expandGrouping(List<GroupingElementContext> elements) {
        List<List<Expr>> product = List.of(List.of());
        for (GroupingElementContext element : elements) {
            List<List<Expr>> next = new ArrayList<>();
            for (List<Expr> left : product) {
                for (List<Expr> right : groupingSetsOf(element)) {
                    List<Expr> combined = new ArrayList<>(left);
                    combined.addAll(right);
                    next.add(combined);
                }
            }
            product = next;
        }
        return product;
    }

    private List<List<Expr>> groupingSetsOf(GroupingElementContext element) {
        return switch (element) {
            case RollupGroupingContext rollup -> {
                List<List<Expr>> units = rollup.expression().stream().map(this::groupingUnit).toList();
                List<List<Expr>> sets = new ArrayList<>();
                for (int size = units.size(); size >= 0; size--) {
                    List<Expr> set = new ArrayList<>();
                    units.subList(0, size).forEach(set::addAll);
                    sets.add(set);
                }
                yield sets;
            }
            case CubeGroupingContext cube -> {
                List<List<Expr>> units = cube.expression().stream().map(this::groupingUnit).toList();
                List<List<Expr>> sets = new ArrayList<>();
                int count = units.size();
                // PostgreSQL's order: from the full set down, each subset keeping the units' order.
                for (int size = count; size >= 0; size--) {
                    for (int mask = (1 << count) - 1; mask >= 0; mask--) {
                        if (Integer.bitCount(mask) != size) {
                            continue;
                        }
                        List<Expr> set = new ArrayList<>();
                        for (int i = 0; i < count; i++) {
                            if ((mask & (1 << (count - 1 - i))) != 0) {
                                set.addAll(units.get(i));
                            }
                        }
                        sets.add(set);
                    }
                }
                yield sets;
            }
            case GroupingSetsGroupingContext groupingSets -> {
                List<List<Expr>> sets = new ArrayList<>();
                for (GroupingElementContext inner : groupingSets.groupingElement()) {
                    sets.addAll(inner instanceof ExpressionGroupingContext expression
                            ? List.of(groupingUnit(expression.expression())) : groupingSetsOf(inner));
                }
                yield sets;
            }
            case EmptyGroupingContext empty -> List.of(List.of());
            case ExpressionGroupingContext expression -> List.of(List.of(expression(expression.expression())));
            default -> throw new IllegalStateException(element.getClass().getSimpleName());
        };
    }

    /** One unit of ROLLUP/CUBE/GROUPING SETS: {@code (a, b)} groups by both together. */
    private List<Expr> groupingUnit(ExpressionContext context) {
        Expr expr = expression(context);
        return expr instanceof Expr.RowConstructor row ? row.fields() : List.of(expr);
    }

    private List<Query.SelectItem> selectList(SelectListContext ctx) {
        List<Query.SelectItem> items = new ArrayList<>();
        for (SelectItemContext item : ctx.selectItem()) {
            items.add((Query.SelectItem) visit(item));
        }
        return items;
    }

    @Override
    public Query.SelectItem visitAllColumns(AllColumnsContext ctx) {
        return new Query.SelectItem(new Expr.Star(null, position(ctx)), null);
    }

    @Override
    public Query.SelectItem visitQualifiedAllColumns(QualifiedAllColumnsContext ctx) {
        List<String> parts = new ArrayList<>();
        parts.add(name(ctx.identifier()));
        ctx.columnLabel().forEach(label -> parts.add(name(label)));
        return new Query.SelectItem(new Expr.Star(new QualifiedName(parts), position(ctx)), null);
    }

    @Override
    public Query.SelectItem visitSelectExpression(SelectExpressionContext ctx) {
        String alias = ctx.columnLabel() != null ? name(ctx.columnLabel())
                : ctx.bareLabel() != null ? name(ctx.bareLabel())
                : null;
        return new Query.SelectItem(expression(ctx.expression()), alias);
    }

    /**
     * VALUES rows. DEFAULT is allowed only when this VALUES is the whole source of an INSERT, as in
     * PostgreSQL ("DEFAULT is not allowed in this context").
     */
    @Override
    public Query visitValuesClause(ValuesClauseContext ctx) {
        boolean defaultAllowed = isWholeInsertSource(ctx);
        List<List<Expr>> rows = new ArrayList<>();
        for (ValuesRowContext row : ctx.valuesRow()) {
            List<Expr> values = new ArrayList<>();
            for (ValuesItemContext item : row.valuesItem()) {
                if (item.DEFAULT() == null) {
                    values.add(expression(item.expression()));
                } else if (defaultAllowed) {
                    values.add(new Expr.DefaultValue(position(item)));
                } else {
                    throw syntaxError("DEFAULT is not allowed in this context", item);
                }
            }
            if (!rows.isEmpty() && values.size() != rows.getFirst().size()) {
                throw syntaxError("VALUES lists must all be the same length", row);
            }
            rows.add(values);
        }
        return new Query.Values(rows, List.of(), null, null);
    }

    /** True when only single-child query nodes lie between this VALUES and an INSERT's source. */
    private static boolean isWholeInsertSource(ValuesClauseContext ctx) {
        ParserRuleContext node = ctx;
        while (node.getParent() != null && !(node.getParent() instanceof InsertSourceContext)) {
            node = node.getParent();
            if (node.getChildCount() != 1) {
                return false;
            }
        }
        return node.getParent() != null;
    }

    private List<SortItem> orderBy(OrderByClauseContext ctx) {
        if (ctx == null) {
            return List.of();
        }
        List<SortItem> items = new ArrayList<>();
        for (SortItemContext item : ctx.sortItem()) {
            boolean descending = item.ordering != null && item.ordering.getType() == PostgresSqlLexer.DESC;
            Boolean nullsFirst = item.nullOrdering == null
                    ? null
                    : item.nullOrdering.getType() == PostgresSqlLexer.FIRST;
            items.add(new SortItem(expression(item.expression()), descending, nullsFirst));
        }
        return items;
    }

    // ---------------------------------------------------------------------------------------------
    // FROM

    private List<FromItem> fromItems(List<FromItemContext> contexts) {
        List<FromItem> items = new ArrayList<>();
        for (FromItemContext item : contexts) {
            items.add((FromItem) visit(item));
        }
        return items;
    }

    @Override
    public FromItem visitPrimaryFromItem(PrimaryFromItemContext ctx) {
        return (FromItem) visit(ctx.fromPrimary());
    }

    @Override
    public FromItem visitCrossJoin(CrossJoinContext ctx) {
        return new FromItem.Join(FromItem.JoinType.CROSS, (FromItem) visit(ctx.left), (FromItem) visit(ctx.right),
                null, List.of(), false);
    }

    @Override
    public FromItem visitQualifiedJoin(QualifiedJoinContext ctx) {
        JoinCriteriaContext criteria = ctx.joinCriteria();
        Expr condition = criteria.ON() != null ? expression(criteria.expression()) : null;
        List<String> using = criteria.USING() != null ? names(criteria.identifier()) : List.of();
        return new FromItem.Join(joinType(ctx.joinType()), (FromItem) visit(ctx.left), (FromItem) visit(ctx.right),
                condition, using, false);
    }

    @Override
    public FromItem visitNaturalJoin(NaturalJoinContext ctx) {
        return new FromItem.Join(joinType(ctx.joinType()), (FromItem) visit(ctx.left), (FromItem) visit(ctx.right),
                null, List.of(), true);
    }

    private static FromItem.JoinType joinType(JoinTypeContext ctx) {
        if (ctx.LEFT() != null) {
            return FromItem.JoinType.LEFT;
        }
        if (ctx.RIGHT() != null) {
            return FromItem.JoinType.RIGHT;
        }
        return ctx.FULL() != null ? FromItem.JoinType.FULL : FromItem.JoinType.INNER;
    }

    @Override
    public FromItem visitTableReference(TableReferenceContext ctx) {
        AliasClauseContext alias = ctx.aliasClause();
        return new FromItem.TableRef(qualifiedName(ctx.qualifiedName()), aliasName(alias), aliasColumns(alias),
                position(ctx.qualifiedName()));
    }

    @Override
    public FromItem visitDerivedTable(DerivedTableContext ctx) {
        AliasClauseContext alias = ctx.aliasClause();
        return new FromItem.DerivedTable(query(ctx.query()), aliasName(alias), aliasColumns(alias),
                ctx.LATERAL() != null, position(ctx));
    }

    @Override
    public FromItem visitFunctionTable(FunctionTableContext ctx) {
        AliasClauseContext alias = ctx.aliasClause();
        if (ctx.ordinality != null) {
            return withOrdinality(functionCall(ctx.functionCall()), ctx);
        }
        return new FromItem.FunctionTable(functionCall(ctx.functionCall()), aliasName(alias), aliasColumns(alias),
                ctx.LATERAL() != null, position(ctx));
    }

    /**
     * {@code f(...) WITH ORDINALITY}: the function's rows numbered from 1 in one more column
     * ("ordinality" unless aliased), as the lateral subquery
     * {@code (SELECT f.*, row_number() OVER () AS ordinality FROM f(...) AS f)}.
     */
    private FromItem withOrdinality(Expr.FunctionCall call, FunctionTableContext ctx) {
        if (!name(ctx.ordinality).equals("ordinality")) {
            throw syntaxError("syntax error at or near \"" + ctx.ordinality.getText() + "\"", ctx.ordinality);
        }
        int position = position(ctx);
        String function = call.name().name();
        Expr.FunctionCall rowNumber = new Expr.FunctionCall(QualifiedName.of("row_number"), List.of(), false, false, null,
                List.of(), new Expr.WindowSpec(List.of(), List.of(), null), position);
        Query numbered = new Query.Select(List.of(), false, List.of(),
                List.of(new Query.SelectItem(new Expr.Star(QualifiedName.of(function), position), null),
                        new Query.SelectItem(rowNumber, "ordinality")),
                List.of(new FromItem.FunctionTable(call, function, List.of(), false, position)), null, List.of(), null,
                List.of(), null, null, Query.LockMode.NONE);
        AliasClauseContext alias = ctx.aliasClause();
        return new FromItem.DerivedTable(numbered, alias != null ? aliasName(alias) : function, aliasColumns(alias), true,
                position);
    }

    /** {@code (a JOIN b)}: the IR's joins carry no alias, so only an unaliased item may take one. */
    @Override
    public FromItem visitParenthesizedFromItem(ParenthesizedFromItemContext ctx) {
        FromItem item = (FromItem) visit(ctx.fromItem());
        AliasClauseContext alias = ctx.aliasClause();
        if (alias == null) {
            return item;
        }
        String name = aliasName(alias);
        List<String> columns = aliasColumns(alias);
        return switch (item) {
            case FromItem.TableRef table when table.alias() == null ->
                    new FromItem.TableRef(table.name(), name, columns, table.position());
            case FromItem.DerivedTable derived when derived.alias() == null ->
                    new FromItem.DerivedTable(derived.query(), name, columns, derived.lateral(), derived.position());
            case FromItem.FunctionTable function when function.alias() == null ->
                    new FromItem.FunctionTable(function.call(), name, columns, function.lateral(), function.position());
            default -> throw notSupported("an alias on a parenthesized join is not supported", alias);
        };
    }

    private String aliasName(AliasClauseContext ctx) {
        return ctx == null ? null : name(ctx.identifier());
    }

    private List<String> aliasColumns(AliasClauseContext ctx) {
        return ctx == null ? List.of() : columnNames(ctx.columnNameList());
    }

    // ---------------------------------------------------------------------------------------------
    // Boolean expressions

    @Override
    public Expr visitExpression(ExpressionContext ctx) {
        return expression(ctx.booleanExpression());
    }

    @Override
    public Expr visitValueOperand(ValueOperandContext ctx) {
        return expression(ctx.valueExpression());
    }

    @Override
    public Expr visitLike(LikeContext ctx) {
        Expr.LikeKind kind = ctx.ILIKE() != null ? Expr.LikeKind.ILIKE : Expr.LikeKind.LIKE;
        return new Expr.Like(expression(ctx.booleanExpression()), expression(ctx.pattern),
                optionalExpression(ctx.escape), kind, ctx.NOT() != null, position(ctx));
    }

    @Override
    public Expr visitSimilarTo(SimilarToContext ctx) {
        return new Expr.Like(expression(ctx.booleanExpression()), expression(ctx.pattern),
                optionalExpression(ctx.escape), Expr.LikeKind.SIMILAR, ctx.NOT() != null, position(ctx));
    }

    @Override
    public Expr visitBetween(BetweenContext ctx) {
        return new Expr.Between(expression(ctx.booleanExpression()), expression(ctx.low), expression(ctx.high),
                ctx.NOT() != null, ctx.SYMMETRIC() != null, position(ctx));
    }

    @Override
    public Expr visitInSubquery(InSubqueryContext ctx) {
        return new Expr.InSubquery(expression(ctx.booleanExpression()), query(ctx.query()), ctx.NOT() != null,
                position(ctx));
    }

    @Override
    public Expr visitInList(InListContext ctx) {
        return new Expr.InList(expression(ctx.booleanExpression()), expressions(ctx.expression()), ctx.NOT() != null,
                position(ctx));
    }

    /** {@code a op ANY|SOME|ALL (subquery or array)}; SOME is ANY. */
    @Override
    public Expr visitQuantifiedComparison(QuantifiedComparisonContext ctx) {
        QuantifiableOperatorContext operatorContext = ctx.quantifiableOperator();
        BinaryOperator operator = operatorContext.comparisonOperator() != null
                ? comparisonOperator(operatorContext.comparisonOperator())
                : otherOperator(operatorContext.otherOperator());
        Expr.Quantifier quantifier = ctx.quantifier.getType() == PostgresSqlLexer.ALL
                ? Expr.Quantifier.ALL
                : Expr.Quantifier.ANY;
        Query subquery = ctx.query() == null ? null : query(ctx.query());
        Expr array = ctx.expression() == null ? null : expression(ctx.expression());
        return new Expr.Quantified(operator, expression(ctx.booleanExpression()), quantifier, array, subquery,
                position(ctx));
    }

    @Override
    public Expr visitComparison(ComparisonContext ctx) {
        return new Expr.Binary(comparisonOperator(ctx.comparisonOperator()), expression(ctx.left),
                expression(ctx.right), position(ctx));
    }

    @Override
    public Expr visitIsTest(IsTestContext ctx) {
        Expr.IsTest test = switch (ctx.truthValue.getType()) {
            case PostgresSqlLexer.NULL -> Expr.IsTest.NULL;
            case PostgresSqlLexer.TRUE -> Expr.IsTest.TRUE;
            case PostgresSqlLexer.FALSE -> Expr.IsTest.FALSE;
            default -> Expr.IsTest.UNKNOWN;
        };
        return new Expr.IsPredicate(expression(ctx.booleanExpression()), test, ctx.NOT() != null, position(ctx));
    }

    /** {@code x ISNULL} and {@code x NOTNULL}, PostgreSQL's spellings of IS [NOT] NULL. */
    @Override
    public Expr visitPostfixNullTest(PostfixNullTestContext ctx) {
        return new Expr.IsPredicate(expression(ctx.booleanExpression()), Expr.IsTest.NULL,
                ctx.nullTest.getType() == PostgresSqlLexer.NOTNULL, position(ctx));
    }

    /** {@code IS DISTINCT FROM}; {@code negated} is IS NOT DISTINCT FROM. */
    @Override
    public Expr visitIsDistinctFrom(IsDistinctFromContext ctx) {
        return new Expr.IsDistinctFrom(expression(ctx.left), expression(ctx.right), ctx.NOT() != null, position(ctx));
    }

    @Override
    public Expr visitLogicalNot(LogicalNotContext ctx) {
        return new Expr.Unary(UnaryOperator.NOT, expression(ctx.booleanExpression()), position(ctx));
    }

    @Override
    public Expr visitLogicalAnd(LogicalAndContext ctx) {
        return new Expr.Binary(BinaryOperator.AND, expression(ctx.left), expression(ctx.right), position(ctx));
    }

    @Override
    public Expr visitLogicalOr(LogicalOrContext ctx) {
        return new Expr.Binary(BinaryOperator.OR, expression(ctx.left), expression(ctx.right), position(ctx));
    }

    private static BinaryOperator comparisonOperator(ComparisonOperatorContext ctx) {
        return BinaryOperator.fromSymbol(ctx.getText());
    }

    private BinaryOperator otherOperator(OtherOperatorContext ctx) {
        QualifiedOperatorContext qualified = ctx.qualifiedOperator();
        if (qualified == null) {
            return BinaryOperator.fromSymbol(ctx.getText());
        }
        List<String> schema = names(qualified.identifier());
        if (schema.size() > 1 || schema.size() == 1 && !schema.getFirst().equals("pg_catalog")) {
            throw new SqlException(ErrorCode.UNDEFINED_SCHEMA,
                    "schema \"" + String.join(".", schema) + "\" does not exist", position(qualified));
        }
        String symbol = qualified.operatorSymbol().getText();
        BinaryOperator operator = BinaryOperator.fromSymbol(symbol);
        if (operator == null) {
            throw new SqlException(ErrorCode.UNDEFINED_FUNCTION, "operator does not exist: " + symbol,
                    position(qualified));
        }
        return operator;
    }

    // ---------------------------------------------------------------------------------------------
    // Value expressions

    @Override
    public Expr visitPrimary(PrimaryContext ctx) {
        return expression(ctx.primaryExpression());
    }

    @Override
    public Expr visitSubscript(SubscriptContext ctx) {
        return new Expr.Subscript(expression(ctx.valueExpression()), expression(ctx.index), position(ctx));
    }

    @Override
    public Expr visitTypecast(TypecastContext ctx) {
        Expr reference = objectReferenceCast(expression(ctx.valueExpression()), ctx.typeName(), position(ctx));
        return reference != null ? reference
                : new Expr.Cast(expression(ctx.valueExpression()), dataType(ctx.typeName()), position(ctx));
    }

    /**
     * A cast to an object identifier type (regclass, regtype, regnamespace, regrole, regproc) is a
     * call of the catalog function of that name, as PostgreSQL's functional cast notation writes it:
     * the conversion looks names up in the catalog, which a plain cast has no access to. Null when
     * {@code ctx} names another type.
     */
    private Expr objectReferenceCast(Expr operand, TypeNameContext ctx, int position) {
        SimpleTypeNameContext simple = ctx.simpleTypeName();
        if (ctx.ARRAY() != null || !ctx.arrayBounds().isEmpty() || simple.genericTypeName() == null
                || simple.typeModifiers() != null) {
            return null;
        }
        List<String> parts = nameParts(simple.genericTypeName());
        boolean inCatalog = parts.size() == 1 || parts.size() == 2 && parts.get(0).equals("pg_catalog");
        return inCatalog && TypeNames.OBJECT_REFERENCE_TYPES.contains(parts.getLast())
                ? Expr.FunctionCall.of(parts.getLast(), List.of(operand), position) : null;
    }

    /** A minus sign folds into a numeric constant, as in PostgreSQL, so -2147483648 is one literal. */
    @Override
    public Expr visitArithmeticUnary(ArithmeticUnaryContext ctx) {
        Expr operand = expression(ctx.valueExpression());
        if (ctx.operator.getType() == PostgresSqlLexer.PLUS) {
            return new Expr.Unary(UnaryOperator.PLUS, operand, position(ctx));
        }
        if (NumericLiterals.isNumeric(operand)) {
            return NumericLiterals.negate((Expr.Literal) operand, position(ctx));
        }
        return new Expr.Unary(UnaryOperator.MINUS, operand, position(ctx));
    }

    /**
     * Collations have no place in the IR: strings compare in code point order, which is what the
     * default, C and POSIX collations give here (psql writes {@code COLLATE pg_catalog.default}).
     * Any other collation is reported as not supported.
     */
    @Override
    public Expr visitCollate(CollateContext ctx) {
        QualifiedName collation = qualifiedName(ctx.qualifiedName());
        boolean inCatalog = collation.size() == 1 || collation.size() == 2 && "pg_catalog".equals(collation.qualifier());
        if (!inCatalog || !List.of("default", "C", "POSIX").contains(collation.name())) {
            throw notSupported("COLLATE is not supported", ctx.qualifiedName());
        }
        return expression(ctx.valueExpression());
    }

    /** {@code x AT TIME ZONE z} is PostgreSQL's {@code timezone(z, x)}. */
    @Override
    public Expr visitAtTimeZone(AtTimeZoneContext ctx) {
        return Expr.FunctionCall.of("timezone", List.of(expression(ctx.zone), expression(ctx.operand)),
                position(ctx));
    }

    @Override
    public Expr visitPower(PowerContext ctx) {
        return new Expr.Binary(BinaryOperator.POWER, expression(ctx.left), expression(ctx.right), position(ctx));
    }

    @Override
    public Expr visitMultiplicative(MultiplicativeContext ctx) {
        BinaryOperator operator = switch (ctx.operator.getType()) {
            case PostgresSqlLexer.STAR -> BinaryOperator.MULTIPLY;
            case PostgresSqlLexer.SLASH -> BinaryOperator.DIVIDE;
            default -> BinaryOperator.MODULO;
        };
        return new Expr.Binary(operator, expression(ctx.left), expression(ctx.right), position(ctx));
    }

    @Override
    public Expr visitAdditive(AdditiveContext ctx) {
        BinaryOperator operator = ctx.operator.getType() == PostgresSqlLexer.PLUS
                ? BinaryOperator.ADD
                : BinaryOperator.SUBTRACT;
        return new Expr.Binary(operator, expression(ctx.left), expression(ctx.right), position(ctx));
    }

    @Override
    public Expr visitOtherBinary(OtherBinaryContext ctx) {
        return new Expr.Binary(otherOperator(ctx.otherOperator()), expression(ctx.left), expression(ctx.right),
                position(ctx));
    }

    @Override
    public Expr visitBitwiseNot(BitwiseNotContext ctx) {
        return new Expr.Unary(UnaryOperator.BITWISE_NOT, expression(ctx.valueExpression()), position(ctx));
    }

    // ---------------------------------------------------------------------------------------------
    // Primary expressions

    @Override
    public Expr visitLiteralExpression(LiteralExpressionContext ctx) {
        return expression(ctx.literal());
    }

    @Override
    public Expr visitNullLiteral(NullLiteralContext ctx) {
        return Expr.Literal.nullValue(position(ctx));
    }

    @Override
    public Expr visitBooleanLiteral(BooleanLiteralContext ctx) {
        return new Expr.Literal(ctx.TRUE() != null, DataType.BOOLEAN, position(ctx));
    }

    @Override
    public Expr visitIntegerLiteral(IntegerLiteralContext ctx) {
        return NumericLiterals.integer(ctx.getText(), position(ctx));
    }

    @Override
    public Expr visitDecimalLiteral(DecimalLiteralContext ctx) {
        return NumericLiterals.decimal(ctx.getText(), position(ctx));
    }

    @Override
    public Expr visitStringLiteral(StringLiteralContext ctx) {
        return stringLiteral(ctx.stringConstant());
    }

    @Override
    public Expr visitParameter(ParameterContext ctx) {
        String number = ctx.PARAMETER().getText().substring(1);
        int index = number.length() > 9 ? 0 : Integer.parseInt(number);
        if (index < 1) {
            throw new SqlException(ErrorCode.UNDEFINED_PARAMETER, "there is no parameter $" + number, position(ctx));
        }
        return new Expr.Parameter(index, position(ctx));
    }

    /** {@code DATE '2020-01-01'}, {@code TIMESTAMP WITH TIME ZONE '...'}: a cast of an untyped string. */
    @Override
    public Expr visitStandardTypedLiteral(StandardTypedLiteralContext ctx) {
        return new Expr.Cast(stringLiteral(ctx.stringConstant()), (DataType) visit(ctx.standardTypeName()),
                position(ctx));
    }

    @Override
    public Expr visitGenericTypedLiteral(GenericTypedLiteralContext ctx) {
        return new Expr.Cast(stringLiteral(ctx.stringConstant()), genericDataType(ctx.genericTypeName(), List.of()),
                position(ctx));
    }

    /**
     * {@code INTERVAL '1 day'}. With a field qualifier a bare number takes the qualifier's last field
     * as its unit ({@code INTERVAL '2' DAY} is '2 day'); otherwise the qualifier is not applied, so
     * PostgreSQL's truncation of lower fields ({@code INTERVAL '1 day 2 hours' DAY}) is not reproduced.
     */
    @Override
    public Expr visitIntervalLiteral(IntervalLiteralContext ctx) {
        Expr.Literal literal = stringLiteral(ctx.stringConstant());
        IntervalQualifierContext qualifier = ctx.intervalQualifier();
        String text = (String) literal.value();
        if (qualifier != null && BARE_NUMBER.matcher(text).matches()) {
            IntervalFieldContext unit = qualifier.to != null ? qualifier.to : qualifier.from;
            literal = new Expr.Literal(text.strip() + " " + Identifiers.fold(unit.getStart().getText()),
                    DataType.UNKNOWN, literal.position());
        }
        return new Expr.Cast(literal, DataType.INTERVAL, position(ctx));
    }

    @Override
    public Expr visitSpecialValue(SpecialValueContext ctx) {
        Expr.SpecialValueKind kind = switch (ctx.specialValue.getType()) {
            case PostgresSqlLexer.CURRENT_DATE -> Expr.SpecialValueKind.CURRENT_DATE;
            case PostgresSqlLexer.CURRENT_TIME -> Expr.SpecialValueKind.CURRENT_TIME;
            case PostgresSqlLexer.CURRENT_TIMESTAMP -> Expr.SpecialValueKind.CURRENT_TIMESTAMP;
            case PostgresSqlLexer.LOCALTIME -> Expr.SpecialValueKind.LOCALTIME;
            case PostgresSqlLexer.LOCALTIMESTAMP -> Expr.SpecialValueKind.LOCALTIMESTAMP;
            // PostgreSQL's CURRENT_ROLE is CURRENT_USER under another name.
            case PostgresSqlLexer.CURRENT_USER, PostgresSqlLexer.CURRENT_ROLE -> Expr.SpecialValueKind.CURRENT_USER;
            case PostgresSqlLexer.SESSION_USER -> Expr.SpecialValueKind.SESSION_USER;
            case PostgresSqlLexer.USER -> Expr.SpecialValueKind.USER;
            case PostgresSqlLexer.CURRENT_SCHEMA -> Expr.SpecialValueKind.CURRENT_SCHEMA;
            default -> Expr.SpecialValueKind.CURRENT_CATALOG;
        };
        return new Expr.SpecialValue(kind, position(ctx));
    }

    @Override
    public Expr visitCast(CastContext ctx) {
        Expr reference = objectReferenceCast(expression(ctx.expression()), ctx.typeName(), position(ctx));
        return reference != null ? reference
                : new Expr.Cast(expression(ctx.expression()), dataType(ctx.typeName()), position(ctx));
    }

    @Override
    public Expr visitCaseExpression(CaseExpressionContext ctx) {
        List<Expr.WhenClause> whens = new ArrayList<>();
        for (WhenClauseContext when : ctx.whenClause()) {
            whens.add(new Expr.WhenClause(expression(when.condition), expression(when.result)));
        }
        return new Expr.Case(optionalExpression(ctx.operand), whens, optionalExpression(ctx.elseResult),
                position(ctx));
    }

    /** {@code EXTRACT(field FROM x)} is PostgreSQL's {@code extract('field', x)}. */
    @Override
    public Expr visitExtract(ExtractContext ctx) {
        ExtractFieldContext field = ctx.extractField();
        String fieldName = field.stringConstant() != null ? string(field.stringConstant()) : name(field.identifier());
        Expr fieldLiteral = new Expr.Literal(fieldName, DataType.TEXT, position(field));
        return Expr.FunctionCall.of("extract", List.of(fieldLiteral, expression(ctx.expression())), position(ctx));
    }

    /**
     * {@code SUBSTRING(x FROM a FOR b)} is {@code substring(x, a, b)}; FOR alone starts at 1.
     * {@code SUBSTRING(x SIMILAR p ESCAPE e)} is {@code substring(x, p, e)}, the SQL regular-expression form.
     */
    @Override
    public Expr visitSubstring(SubstringContext ctx) {
        SubstringBoundsContext bounds = ctx.substringBounds();
        List<Expr> arguments = new ArrayList<>();
        arguments.add(expression(ctx.expression()));
        if (bounds.pattern != null) {
            arguments.add(expression(bounds.pattern));
            arguments.add(expression(bounds.escape));
            return Expr.FunctionCall.of("substring", arguments, position(ctx));
        }
        arguments.add(bounds.start != null ? expression(bounds.start) : new Expr.Literal(1L, DataType.INTEGER, 0));
        if (bounds.length != null) {
            arguments.add(expression(bounds.length));
        }
        return Expr.FunctionCall.of("substring", arguments, position(ctx));
    }

    @Override
    public Expr visitSubstringCall(SubstringCallContext ctx) {
        return Expr.FunctionCall.of("substring", expressions(ctx.expression()), position(ctx));
    }

    /** {@code POSITION(s IN x)} is PostgreSQL's {@code position(x, s)}: the string comes first. */
    @Override
    public Expr visitPosition(PositionContext ctx) {
        return Expr.FunctionCall.of("position", List.of(expression(ctx.string), expression(ctx.substring)),
                position(ctx));
    }

    /** {@code TRIM([BOTH|LEADING|TRAILING] [chars] FROM x)} is {@code btrim|ltrim|rtrim(x [, chars])}. */
    @Override
    public Expr visitTrim(TrimContext ctx) {
        String function = ctx.side == null ? "btrim" : switch (ctx.side.getType()) {
            case PostgresSqlLexer.LEADING -> "ltrim";
            case PostgresSqlLexer.TRAILING -> "rtrim";
            default -> "btrim";
        };
        List<Expr> arguments = new ArrayList<>(expressions(ctx.sources));
        if (ctx.characters != null) {
            arguments.add(expression(ctx.characters));
        }
        return Expr.FunctionCall.of(function, arguments, position(ctx));
    }

    @Override
    public Expr visitOverlay(OverlayContext ctx) {
        List<Expr> arguments = new ArrayList<>(List.of(
                expression(ctx.target), expression(ctx.replacement), expression(ctx.start)));
        if (ctx.length != null) {
            arguments.add(expression(ctx.length));
        }
        return Expr.FunctionCall.of("overlay", arguments, position(ctx));
    }

    @Override
    public Expr visitVariadicFunction(VariadicFunctionContext ctx) {
        return Expr.FunctionCall.of(Identifiers.fold(ctx.name.getText()), expressions(ctx.expression()),
                position(ctx));
    }

    @Override
    public Expr visitNullIf(NullIfContext ctx) {
        return Expr.FunctionCall.of("nullif", expressions(ctx.expression()), position(ctx));
    }

    @Override
    public Expr visitFunctionCallExpression(FunctionCallExpressionContext ctx) {
        return functionCall(ctx.functionCall());
    }

    @Override
    public Expr visitArraySubquery(ArraySubqueryContext ctx) {
        // ARRAY(query) is the array of the query's one column in row order, and an empty array over no
        // rows: (SELECT array_agg(element) FROM (query) AS "array"(element)), with '{}' for its NULL.
        int position = position(ctx);
        Expr element = new Expr.ColumnRef(QualifiedName.of("element"), position);
        Query aggregate = new Query.Select(List.of(), false, List.of(),
                List.of(new Query.SelectItem(Expr.FunctionCall.of("array_agg", List.of(element), position), null)),
                List.of(new FromItem.DerivedTable(query(ctx.query()), "array", List.of("element"), false, position)), null,
                List.of(), null, List.of(), null, null, Query.LockMode.NONE);
        return Expr.FunctionCall.of("coalesce", List.of(new Expr.ScalarSubquery(aggregate, position),
                new Expr.Literal("{}", DataType.UNKNOWN, position)), position);
    }

    @Override
    public Expr visitArrayConstructor(ArrayConstructorContext ctx) {
        return arrayLiteral(ctx.arrayLiteral(), position(ctx));
    }

    private Expr arrayLiteral(ArrayLiteralContext ctx, int position) {
        List<Expr> elements = new ArrayList<>();
        for (ArrayElementContext element : ctx.arrayElement()) {
            elements.add(element.arrayLiteral() != null
                    ? arrayLiteral(element.arrayLiteral(), position(element))
                    : expression(element.expression()));
        }
        return new Expr.ArrayConstructor(elements, position);
    }

    @Override
    public Expr visitExplicitRow(ExplicitRowContext ctx) {
        return new Expr.RowConstructor(expressions(ctx.expression()), position(ctx));
    }


    @Override
    public Expr visitExists(ExistsContext ctx) {
        return new Expr.Exists(query(ctx.query()), position(ctx));
    }

    @Override
    public Expr visitScalarSubquery(ScalarSubqueryContext ctx) {
        return new Expr.ScalarSubquery(query(ctx.query()), position(ctx));
    }

    /** {@code (record).field}, and {@code (record).a.b} for a record inside a record. */
    @Override
    public Expr visitFieldSelection(FieldSelectionContext ctx) {
        Expr value = expression(ctx.expression());
        for (ColumnLabelContext label : ctx.columnLabel()) {
            value = new Expr.FieldSelection(value, name(label), source.position(label.getStart()));
        }
        return value;
    }

    /** {@code (a)} is {@code a}; {@code (a, b)} is a row. */
    @Override
    public Expr visitParenthesizedOrRow(ParenthesizedOrRowContext ctx) {
        List<Expr> fields = expressions(ctx.expression());
        return fields.size() == 1 ? fields.getFirst() : new Expr.RowConstructor(fields, position(ctx));
    }

    @Override
    public Expr visitColumnReference(ColumnReferenceContext ctx) {
        return new Expr.ColumnRef(qualifiedName(ctx.qualifiedName()), position(ctx));
    }

    private Expr.FunctionCall functionCall(FunctionCallContext ctx) {
        SetQuantifierContext quantifier = ctx.setQuantifier();
        boolean distinct = quantifier != null && quantifier.DISTINCT() != null;
        Expr filter = ctx.filterClause() == null ? null : expression(ctx.filterClause().expression());
        Expr.WindowSpec over = ctx.overClause() == null ? null : over(ctx.overClause());
        return new Expr.FunctionCall(functionName(ctx.functionName()), expressions(ctx.expression()), distinct,
                ctx.STAR() != null, filter, orderBy(ctx.orderByClause()), over, position(ctx));
    }

    private QualifiedName functionName(FunctionNameContext ctx) {
        if (ctx.typeFunctionName() != null) {
            return QualifiedName.of(name(ctx.typeFunctionName()));
        }
        List<String> parts = new ArrayList<>();
        parts.add(name(ctx.identifier()));
        ctx.columnLabel().forEach(label -> parts.add(name(label)));
        return new QualifiedName(parts);
    }

    private Expr.WindowSpec over(OverClauseContext ctx) {
        return ctx.windowName != null ? namedWindow(ctx.windowName) : window(ctx.windowSpecification());
    }

    /**
     * A window specification; one that starts with a window name copies that window's PARTITION BY
     * and ORDER BY and may add an ORDER BY (if the named window has none) and a frame, as in PostgreSQL.
     */
    private Expr.WindowSpec window(WindowSpecificationContext ctx) {
        WindowFrameContext frame = ctx.windowFrame();
        Expr.WindowFrame ownFrame = frame == null ? null : windowFrame(frame);
        List<SortItem> ownOrder = orderBy(ctx.orderByClause());
        if (ctx.baseWindow == null) {
            return new Expr.WindowSpec(expressions(ctx.expression()), ownOrder, ownFrame);
        }
        Expr.WindowSpec base = namedWindow(ctx.baseWindow);
        String name = name(ctx.baseWindow);
        if (!ctx.expression().isEmpty()) {
            throw new SqlException(ErrorCode.WINDOWING_ERROR, "cannot override PARTITION BY clause of window \""
                    + name + "\"", position(ctx));
        }
        if (!ownOrder.isEmpty() && !base.orderBy().isEmpty()) {
            throw new SqlException(ErrorCode.WINDOWING_ERROR, "cannot override ORDER BY clause of window \""
                    + name + "\"", position(ctx));
        }
        if (base.frame() != null) {
            throw new SqlException(ErrorCode.WINDOWING_ERROR, "cannot copy window \"" + name
                    + "\" because it has a frame clause", position(ctx));
        }
        return new Expr.WindowSpec(base.partitionBy(), ownOrder.isEmpty() ? base.orderBy() : ownOrder, ownFrame);
    }

    private Expr.WindowSpec namedWindow(IdentifierContext ctx) {
        String name = name(ctx);
        Expr.WindowSpec window = namedWindows.find(name);
        if (window != null) {
            return window;
        }
        throw new SqlException(ErrorCode.UNDEFINED_OBJECT, "window \"" + name + "\" does not exist", position(ctx));
    }

    /** A frame with only a start bound ends at the current row, as in PostgreSQL. */
    private Expr.WindowFrame windowFrame(WindowFrameContext ctx) {
        Expr.FrameUnit unit = switch (ctx.unit.getType()) {
            case PostgresSqlLexer.RANGE -> Expr.FrameUnit.RANGE;
            case PostgresSqlLexer.ROWS -> Expr.FrameUnit.ROWS;
            default -> Expr.FrameUnit.GROUPS;
        };
        Expr.FrameBound end = ctx.end == null
                ? new Expr.FrameBound(Expr.FrameBoundKind.CURRENT_ROW, null)
                : frameBound(ctx.end);
        return new Expr.WindowFrame(unit, frameBound(ctx.start), end);
    }

    private Expr.FrameBound frameBound(FrameBoundContext ctx) {
        if (ctx instanceof UnboundedPrecedingContext) {
            return new Expr.FrameBound(Expr.FrameBoundKind.UNBOUNDED_PRECEDING, null);
        }
        if (ctx instanceof UnboundedFollowingContext) {
            return new Expr.FrameBound(Expr.FrameBoundKind.UNBOUNDED_FOLLOWING, null);
        }
        if (ctx instanceof CurrentRowContext) {
            return new Expr.FrameBound(Expr.FrameBoundKind.CURRENT_ROW, null);
        }
        OffsetBoundContext offset = (OffsetBoundContext) ctx;
        Expr.FrameBoundKind kind = offset.direction.getType() == PostgresSqlLexer.PRECEDING
                ? Expr.FrameBoundKind.PRECEDING
                : Expr.FrameBoundKind.FOLLOWING;
        return new Expr.FrameBound(kind, expression(offset.valueExpression()));
    }

    private Expr.Literal stringLiteral(StringConstantContext ctx) {
        return new Expr.Literal(string(ctx), DataType.UNKNOWN, position(ctx));
    }

    /**
     * The value of a string constant. Standard strings written one after another continue each
     * other only across a line break, as in PostgreSQL; on one line the second is a syntax error.
     */
    private String string(StringConstantContext ctx) {
        List<TerminalNode> parts = ctx.STRING();
        if (parts.isEmpty()) {
            return StringLiterals.value(ctx.getStart(), position(ctx));
        }
        StringBuilder value = new StringBuilder(StringLiterals.standard(parts.getFirst().getText()));
        for (int i = 1; i < parts.size(); i++) {
            Token next = parts.get(i).getSymbol();
            String gap = source.textBetween(parts.get(i - 1).getSymbol(), next);
            if (!gap.isBlank() || gap.indexOf('\n') < 0 && gap.indexOf('\r') < 0) {
                throw SyntaxErrorListener.syntaxErrorAt(next, source);
            }
            value.append(StringLiterals.standard(next.getText()));
        }
        return value.toString();
    }

    private Expr.Literal signedNumber(SignedNumberContext ctx) {
        Token number = ctx.INTEGER_LITERAL() != null ? ctx.INTEGER_LITERAL().getSymbol()
                : ctx.DECIMAL_LITERAL().getSymbol();
        Expr.Literal literal = number.getType() == PostgresSqlLexer.INTEGER_LITERAL
                ? NumericLiterals.integer(number.getText(), source.position(number))
                : NumericLiterals.decimal(number.getText(), source.position(number));
        return ctx.MINUS() != null ? NumericLiterals.negate(literal, position(ctx)) : literal;
    }

    // ---------------------------------------------------------------------------------------------
    // Types

    /** A type in an expression or ALTER COLUMN TYPE, where serial is not a type (as in PostgreSQL). */
    private DataType dataType(TypeNameContext ctx) {
        TypeNames.ResolvedType type = resolvedType(ctx);
        if (type.serial()) {
            throw TypeNames.undefined(name(ctx.simpleTypeName().genericTypeName().typeFunctionName()), position(ctx));
        }
        return type.type();
    }

    /** All array spellings (int[], int[3], int ARRAY, int[][]) are one array type, as in PostgreSQL. */
    private TypeNames.ResolvedType resolvedType(TypeNameContext ctx) {
        TypeNames.ResolvedType element = simpleType(ctx.simpleTypeName());
        if (ctx.ARRAY() == null && ctx.arrayBounds().isEmpty()) {
            return element;
        }
        if (element.serial()) {
            throw notSupported("array of serial is not implemented", ctx);
        }
        return new TypeNames.ResolvedType(DataType.arrayOf(element.type()), false);
    }

    private TypeNames.ResolvedType simpleType(SimpleTypeNameContext ctx) {
        if (ctx.standardTypeName() != null) {
            return new TypeNames.ResolvedType((DataType) visit(ctx.standardTypeName()), false);
        }
        if (ctx.INTERVAL() != null) {
            return new TypeNames.ResolvedType(DataType.INTERVAL, false);
        }
        return TypeNames.generic(nameParts(ctx.genericTypeName()), typeModifiers(ctx.typeModifiers()), position(ctx));
    }

    private DataType genericDataType(GenericTypeNameContext ctx, List<Long> modifiers) {
        TypeNames.ResolvedType type = TypeNames.generic(nameParts(ctx), modifiers, position(ctx));
        if (type.serial()) {
            throw TypeNames.undefined(String.join(".", nameParts(ctx)), position(ctx));
        }
        return type.type();
    }

    private List<String> nameParts(GenericTypeNameContext ctx) {
        List<String> parts = new ArrayList<>();
        parts.add(name(ctx.typeFunctionName()));
        ctx.columnLabel().forEach(label -> parts.add(name(label)));
        return parts;
    }

    private List<Long> typeModifiers(TypeModifiersContext ctx) {
        if (ctx == null) {
            return List.of();
        }
        List<Long> modifiers = new ArrayList<>();
        for (SignedNumberContext modifier : ctx.signedNumber()) {
            if (!(signedNumber(modifier).value() instanceof Long value)) {
                throw syntaxError("type modifiers must be simple constants or identifiers", modifier);
            }
            modifiers.add(value);
        }
        return modifiers;
    }

    @Override
    public DataType visitIntegerType(IntegerTypeContext ctx) {
        return DataType.INTEGER;
    }

    @Override
    public DataType visitSmallintType(SmallintTypeContext ctx) {
        return DataType.SMALLINT;
    }

    @Override
    public DataType visitBigintType(BigintTypeContext ctx) {
        return DataType.BIGINT;
    }

    @Override
    public DataType visitRealType(RealTypeContext ctx) {
        return DataType.REAL;
    }

    /** {@code float} without a precision is double precision. */
    @Override
    public DataType visitFloatType(FloatTypeContext ctx) {
        return ctx.precision == null
                ? DataType.DOUBLE
                : TypeNames.floatingPoint(integerValue(ctx.precision), position(ctx));
    }

    @Override
    public DataType visitDoubleType(DoubleTypeContext ctx) {
        return DataType.DOUBLE;
    }

    @Override
    public DataType visitNumericType(NumericTypeContext ctx) {
        return TypeNames.numeric(typeModifiers(ctx.typeModifiers()), position(ctx));
    }

    @Override
    public DataType visitBooleanType(BooleanTypeContext ctx) {
        return DataType.BOOLEAN;
    }

    /** {@code character} without a length is character(1); {@code character varying} is unbounded. */
    @Override
    public DataType visitCharacterType(CharacterTypeContext ctx) {
        Long length = ctx.length == null ? null : integerValue(ctx.length);
        return ctx.VARYING() != null
                ? TypeNames.varchar(length, position(ctx))
                : TypeNames.character(length == null ? 1L : length, position(ctx));
    }

    @Override
    public DataType visitVarcharType(VarcharTypeContext ctx) {
        return TypeNames.varchar(ctx.length == null ? null : integerValue(ctx.length), position(ctx));
    }

    @Override
    public DataType visitTimeType(TimeTypeContext ctx) {
        if (ctx.timeZone() != null && ctx.timeZone().WITH() != null) {
            throw notSupported("type time with time zone is not supported", ctx);
        }
        return DataType.TIME;
    }

    @Override
    public DataType visitTimestampType(TimestampTypeContext ctx) {
        return ctx.timeZone() != null && ctx.timeZone().WITH() != null ? DataType.TIMESTAMPTZ : DataType.TIMESTAMP;
    }

    private long integerValue(Token token) {
        Expr.Literal literal = NumericLiterals.integer(token.getText(), source.position(token));
        if (!(literal.value() instanceof Long value)) {
            throw new SqlException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    "value \"" + token.getText() + "\" is out of range for type bigint", source.position(token));
        }
        return value;
    }

    // ---------------------------------------------------------------------------------------------
    // INSERT, UPDATE, DELETE

    @Override
    public Statement visitInsertStatement(InsertStatementContext ctx) {
        InsertSourceContext insertSource = ctx.insertSource();
        return new DataChange.Insert(
                with(ctx.withClause()),
                qualifiedName(ctx.qualifiedName()),
                ctx.alias == null ? null : name(ctx.alias),
                columnNames(ctx.columnNameList()),
                insertSource.query() == null ? null : query(insertSource.query()),
                ctx.onConflictClause() == null ? null : onConflict(ctx.onConflictClause()),
                returning(ctx.returningClause()));
    }

    private DataChange.OnConflict onConflict(OnConflictClauseContext ctx) {
        ConflictTargetContext target = ctx.conflictTarget();
        ConflictActionContext action = ctx.conflictAction();
        boolean doNothing = action.NOTHING() != null;
        if (!doNothing && target == null) {
            throw syntaxError("ON CONFLICT DO UPDATE requires inference specification or constraint name", ctx)
                    .withHint("For example, ON CONFLICT (column_name).");
        }
        List<String> targetColumns = target == null || target.CONSTRAINT() != null
                ? List.of()
                : names(target.identifier());
        String constraintName = target != null && target.CONSTRAINT() != null
                ? name(target.identifier().getFirst())
                : null;
        return new DataChange.OnConflict(targetColumns, constraintName, doNothing, assignments(action.assignment()),
                action.expression() == null ? null : expression(action.expression()));
    }

    @Override
    public Statement visitUpdateStatement(UpdateStatementContext ctx) {
        return new DataChange.Update(
                with(ctx.withClause()),
                qualifiedName(ctx.qualifiedName()),
                ctx.alias == null ? null : name(ctx.alias),
                assignments(ctx.assignment()),
                ctx.fromClause() == null ? List.of() : fromItems(ctx.fromClause().fromItem()),
                ctx.expression() == null ? null : expression(ctx.expression()),
                returning(ctx.returningClause()));
    }

    @Override
    public Statement visitDeleteStatement(DeleteStatementContext ctx) {
        return new DataChange.Delete(
                with(ctx.withClause()),
                qualifiedName(ctx.qualifiedName()),
                ctx.alias == null ? null : name(ctx.alias),
                fromItems(ctx.fromItem()),
                ctx.expression() == null ? null : expression(ctx.expression()),
                returning(ctx.returningClause()));
    }

    private List<Query.With> with(WithClauseContext ctx) {
        return ctx == null ? List.of() : withClause(ctx);
    }

    private List<DataChange.Assignment> assignments(List<AssignmentContext> contexts) {
        List<DataChange.Assignment> assignments = new ArrayList<>();
        for (AssignmentContext assignment : contexts) {
            Expr value = assignment.DEFAULT() != null
                    ? new Expr.DefaultValue(source.position(assignment.DEFAULT().getSymbol()))
                    : expression(assignment.expression());
            assignments.add(new DataChange.Assignment(name(assignment.identifier()), value));
        }
        return assignments;
    }

    private List<Query.SelectItem> returning(ReturningClauseContext ctx) {
        return ctx == null ? List.of() : selectList(ctx.selectList());
    }

    // ---------------------------------------------------------------------------------------------
    // Databases, schemas, tables

    @Override
    public Statement visitCreateDatabase(CreateDatabaseContext ctx) {
        return new SchemaChange.CreateDatabase(name(ctx.identifier()), ctx.IF() != null);
    }

    @Override
    public Statement visitDropDatabase(DropDatabaseContext ctx) {
        return new SchemaChange.DropDatabase(name(ctx.identifier()), ctx.IF() != null);
    }

    @Override
    public Statement visitCreateSchema(CreateSchemaContext ctx) {
        return new SchemaChange.CreateSchema(name(ctx.identifier()), ctx.IF() != null);
    }

    @Override
    public Statement visitDropSchema(DropSchemaContext ctx) {
        return new SchemaChange.DropSchema(names(ctx.identifier()), ctx.IF() != null, cascade(ctx.dropBehavior()));
    }

    @Override
    public Statement visitCreateTable(CreateTableContext ctx) {
        QualifiedName table = qualifiedName(ctx.qualifiedName());
        checkStorageParameters(ctx.storageParameters());
        List<ColumnDefinition> columns = new ArrayList<>();
        List<TableConstraint> constraints = new ArrayList<>();
        for (TableElementContext element : ctx.tableElement()) {
            if (element.columnDefinition() != null) {
                columns.add(columnDefinition(element.columnDefinition(), table));
            } else {
                constraints.add(tableConstraint(element.tableConstraint()));
            }
        }
        return new SchemaChange.CreateTable(table, ctx.IF() != null, columns, constraints, null,
                temporary(ctx.tablePersistence()));
    }

    /**
     * CREATE TABLE ... AS. Column names and WITH NO DATA have no place in the IR's CreateTable, so the
     * query becomes {@code SELECT * FROM (query) AS table(columns) [LIMIT 0]}, which defines the
     * same columns and rows.
     */
    @Override
    public Statement visitCreateTableAs(CreateTableAsContext ctx) {
        QualifiedName table = qualifiedName(ctx.qualifiedName());
        checkStorageParameters(ctx.storageParameters());
        Query query = query(ctx.query());
        List<String> columns = columnNames(ctx.columnNameList());
        boolean withoutData = ctx.DATA() != null && ctx.NO() != null;
        if (!columns.isEmpty() || withoutData) {
            query = new Query.Select(List.of(), false, List.of(),
                    List.of(new Query.SelectItem(new Expr.Star(null, 0), null)),
                    List.of(new FromItem.DerivedTable(query, table.name(), columns, false, position(ctx.query()))),
                    null, List.of(), null, List.of(),
                    withoutData ? new Expr.Literal(0L, DataType.INTEGER, 0) : null, null, Query.LockMode.NONE);
        }
        return new SchemaChange.CreateTable(table, ctx.IF() != null, List.of(), List.of(), query,
                temporary(ctx.tablePersistence()));
    }

    /** TEMP / TEMPORARY (LOCAL and GLOBAL mean the same, as in PostgreSQL); UNLOGGED tables are logged ones. */
    private static boolean temporary(TablePersistenceContext ctx) {
        return ctx != null && ctx.UNLOGGED() == null;
    }

    private void rejectTemporary(TablePersistenceContext ctx, String objects) {
        // UNLOGGED only trades durability for speed; honouring it as a logged object is always safe.
        if (ctx != null && ctx.UNLOGGED() == null) {
            throw notSupported("temporary " + objects + " are not supported", ctx);
        }
    }

    /** Only fillfactor is accepted (pgbench sets it); it has no effect on this storage. */
    private void checkStorageParameters(StorageParametersContext ctx) {
        if (ctx == null) {
            return;
        }
        for (StorageParameterContext parameter : ctx.storageParameter()) {
            String name = String.join(".", names(parameter.columnLabel()));
            if (!name.equals("fillfactor")) {
                throw notSupported("storage parameter \"" + name + "\" is not supported", parameter);
            }
            String value = parameter.optionValue() == null ? "true" : optionText(parameter.optionValue());
            long fillFactor;
            try {
                fillFactor = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "invalid value for integer option \"fillfactor\": " + value, position(parameter));
            }
            if (fillFactor < 10 || fillFactor > 100) {
                throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "value " + value + " out of bounds for option \"fillfactor\"", position(parameter))
                        .withDetail("Valid values are between \"10\" and \"100\".");
            }
        }
    }

    private ColumnDefinition columnDefinition(ColumnDefinitionContext ctx, QualifiedName table) {
        String column = name(ctx.identifier());
        String where = " for column \"" + column + "\" of table \"" + table.name() + "\"";
        TypeNames.ResolvedType type = resolvedType(ctx.typeName());
        Expr defaultValue = null;
        ColumnDefinition.Identity identity = ColumnDefinition.Identity.NONE;
        boolean nullable = false;
        boolean notNull = false;
        List<ColumnConstraint> constraints = new ArrayList<>();
        for (ColumnConstraintContext constraint : ctx.columnConstraint()) {
            String name = constraint.name == null ? null : name(constraint.name);
            switch (constraint.columnConstraintBody()) {
                case DefaultColumnConstraintContext body -> {
                    if (defaultValue != null) {
                        throw syntaxError("multiple default values specified" + where, body);
                    }
                    defaultValue = expression(body.valueExpression());
                }
                case IdentityColumnConstraintContext body -> {
                    if (identity != ColumnDefinition.Identity.NONE) {
                        throw syntaxError("multiple identity specifications" + where, body);
                    }
                    if (!body.sequenceOption().isEmpty()) {
                        throw notSupported("sequence options of identity columns are not supported", body);
                    }
                    identity = body.ALWAYS() != null
                            ? ColumnDefinition.Identity.ALWAYS
                            : ColumnDefinition.Identity.BY_DEFAULT;
                }
                case NotNullColumnConstraintContext body -> {
                    notNull = true;
                    constraints.add(new ColumnConstraint.NotNull(name));
                }
                case NullColumnConstraintContext body -> {
                    nullable = true;
                    constraints.add(new ColumnConstraint.Null(name));
                }
                case PrimaryKeyColumnConstraintContext body -> constraints.add(new ColumnConstraint.PrimaryKey(name));
                case UniqueColumnConstraintContext body -> constraints.add(new ColumnConstraint.Unique(name));
                case CheckColumnConstraintContext body -> constraints.add(new ColumnConstraint.Check(
                        name, expression(body.expression()), sourceText(body.expression())));
                case ReferencesColumnConstraintContext body -> {
                    ReferentialAction[] actions = referentialActions(body.referentialAction());
                    List<String> columns = body.identifier() == null ? List.of() : List.of(name(body.identifier()));
                    constraints.add(new ColumnConstraint.References(name, qualifiedName(body.qualifiedName()),
                            columns, actions[0], actions[1]));
                }
                default -> throw new IllegalStateException("unknown column constraint " + constraint.getText());
            }
        }
        if (nullable && notNull) {
            throw syntaxError("conflicting NULL/NOT NULL declarations" + where, ctx);
        }
        if (identity != ColumnDefinition.Identity.NONE && (defaultValue != null || type.serial())) {
            throw syntaxError("both default and identity specified" + where, ctx);
        }
        return new ColumnDefinition(column, type.type(), defaultValue, type.serial(), identity, constraints,
                position(ctx));
    }

    private TableConstraint tableConstraint(TableConstraintContext ctx) {
        String name = ctx.name == null ? null : name(ctx.name);
        return switch (ctx.tableConstraintBody()) {
            case PrimaryKeyTableConstraintContext body ->
                    new TableConstraint.PrimaryKey(name, columnNames(body.columnNameList()));
            case UniqueTableConstraintContext body ->
                    new TableConstraint.Unique(name, columnNames(body.columnNameList()));
            case CheckTableConstraintContext body ->
                    new TableConstraint.Check(name, expression(body.expression()), sourceText(body.expression()));
            case ForeignKeyTableConstraintContext body -> {
                ReferentialAction[] actions = referentialActions(body.referentialAction());
                yield new TableConstraint.ForeignKey(name, columnNames(body.columns),
                        qualifiedName(body.qualifiedName()), columnNames(body.referencedColumns),
                        actions[0], actions[1]);
            }
            default -> throw new IllegalStateException("unknown table constraint " + ctx.getText());
        };
    }

    /** ON DELETE and ON UPDATE actions, NO ACTION when absent; each may be given once. */
    private ReferentialAction[] referentialActions(List<ReferentialActionContext> contexts) {
        ReferentialAction[] actions = {null, null};
        for (ReferentialActionContext action : contexts) {
            int slot = action.event.getType() == PostgresSqlLexer.DELETE ? 0 : 1;
            if (actions[slot] != null) {
                throw SyntaxErrorListener.syntaxErrorAt(action.getStart(), source);
            }
            ReferentialActionKindContext kind = action.referentialActionKind();
            actions[slot] = kind.NO() != null ? ReferentialAction.NO_ACTION
                    : kind.RESTRICT() != null ? ReferentialAction.RESTRICT
                    : kind.CASCADE() != null ? ReferentialAction.CASCADE
                    : kind.NULL() != null ? ReferentialAction.SET_NULL
                    : ReferentialAction.SET_DEFAULT;
        }
        for (int i = 0; i < actions.length; i++) {
            if (actions[i] == null) {
                actions[i] = ReferentialAction.NO_ACTION;
            }
        }
        return actions;
    }

    @Override
    public Statement visitDropRelation(DropRelationContext ctx) {
        List<QualifiedName> names = qualifiedNames(ctx.qualifiedName());
        boolean ifExists = ctx.IF() != null;
        boolean cascade = cascade(ctx.dropBehavior());
        return switch (ctx.kind.getType()) {
            case PostgresSqlLexer.TABLE -> new SchemaChange.DropTable(names, ifExists, cascade);
            case PostgresSqlLexer.SEQUENCE -> new SchemaChange.DropSequence(names, ifExists, cascade);
            default -> new SchemaChange.DropView(names, ifExists, cascade);
        };
    }

    @Override
    public Statement visitDropIndex(DropIndexContext ctx) {
        return new SchemaChange.DropIndex(qualifiedNames(ctx.qualifiedName()), ctx.IF() != null,
                cascade(ctx.dropBehavior()));
    }

    private static boolean cascade(DropBehaviorContext ctx) {
        return ctx != null && ctx.CASCADE() != null;
    }

    /** CONCURRENTLY only changes how PostgreSQL locks while building; the index is the same. */
    @Override
    public Statement visitCreateIndex(CreateIndexContext ctx) {
        if (ctx.name == null && ctx.IF() != null) {
            throw SyntaxErrorListener.syntaxErrorAt(ctx.ON().getSymbol(), source);
        }
        if (ctx.method != null && !name(ctx.method).equals("btree")) {
            throw notSupported("access method \"" + name(ctx.method) + "\" is not supported", ctx.method);
        }
        if (ctx.WHERE() != null) {
            throw notSupported("partial indexes are not supported", ctx.expression());
        }
        List<SchemaChange.IndexColumn> columns = new ArrayList<>();
        for (IndexElementContext element : ctx.indexElement()) {
            if (!(element.indexTarget() instanceof ColumnIndexTargetContext column)) {
                throw notSupported("indexes on expressions are not supported", element);
            }
            boolean descending = element.ordering != null && element.ordering.getType() == PostgresSqlLexer.DESC;
            boolean defaultNullOrder = element.NULLS() == null
                    || (descending ? element.FIRST() != null : element.LAST() != null);
            if (!defaultNullOrder) {
                throw notSupported("index columns with a non-default NULLS order are not supported", element);
            }
            columns.add(new SchemaChange.IndexColumn(name(column.identifier()), descending));
        }
        return new SchemaChange.CreateIndex(ctx.name == null ? null : name(ctx.name),
                qualifiedName(ctx.qualifiedName()), ctx.UNIQUE() != null, ctx.IF() != null, columns);
    }

    @Override
    public Statement visitCreateSequence(CreateSequenceContext ctx) {
        rejectTemporary(ctx.tablePersistence(), "sequences");
        return new SchemaChange.CreateSequence(qualifiedName(ctx.qualifiedName()), ctx.IF() != null,
                sequenceOptions(ctx.sequenceOption()));
    }

    /** Sequence options; each may be given once, and NO MINVALUE/NO MAXVALUE mean the default. */
    private SchemaChange.SequenceOptions sequenceOptions(List<SequenceOptionContext> options) {
        DataType type = null;
        Long increment = null;
        Long minValue = null;
        Long maxValue = null;
        Long start = null;
        Long cache = null;
        Boolean cycle = null;
        Set<Class<?>> seen = new HashSet<>();
        for (SequenceOptionContext option : options) {
            Class<?> kind = option instanceof SequenceNoMinValueContext ? SequenceMinValueContext.class
                    : option instanceof SequenceNoMaxValueContext ? SequenceMaxValueContext.class
                    : option.getClass();
            if (!seen.add(kind)) {
                throw syntaxError("conflicting or redundant options", option);
            }
            switch (option) {
                case SequenceTypeContext typeOption -> {
                    type = dataType(typeOption.typeName());
                    if (!type.kind().isInteger()) {
                        throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE,
                                "sequence type must be smallint, integer, or bigint", position(typeOption));
                    }
                }
                case SequenceIncrementContext value -> increment = sequenceNumber(value.signedNumber());
                case SequenceMinValueContext value -> minValue = sequenceNumber(value.signedNumber());
                case SequenceMaxValueContext value -> maxValue = sequenceNumber(value.signedNumber());
                case SequenceStartContext value -> start = sequenceNumber(value.signedNumber());
                case SequenceCacheContext value -> cache = sequenceNumber(value.signedNumber());
                case SequenceCycleContext value -> cycle = value.NO() == null;
                case SequenceOwnedByContext ownedBy -> {
                    QualifiedName owner = qualifiedName(ownedBy.qualifiedName());
                    if (owner.size() != 1 || !owner.name().equals("none")) {
                        throw notSupported("OWNED BY a column is not supported", ownedBy);
                    }
                }
                default -> {
                    // NO MINVALUE and NO MAXVALUE leave the default in place.
                }
            }
        }
        return new SchemaChange.SequenceOptions(type, increment, minValue, maxValue, start, cache, cycle);
    }

    private long sequenceNumber(SignedNumberContext ctx) {
        Expr.Literal number = signedNumber(ctx);
        if (number.value() instanceof Long value) {
            return value;
        }
        if (ctx.DECIMAL_LITERAL() != null) {
            throw new SqlException(ErrorCode.INVALID_TEXT_REPRESENTATION,
                    "invalid input syntax for type bigint: \"" + ctx.getText() + "\"", position(ctx));
        }
        throw new SqlException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                "value \"" + ctx.getText() + "\" is out of range for type bigint", position(ctx));
    }

    /** CREATE VIEW keeps the query's own source text for the catalog (pg_get_viewdef, \d+). */
    @Override
    public Statement visitCreateView(CreateViewContext ctx) {
        rejectTemporary(ctx.tablePersistence(), "views");
        if (ctx.tablePersistence() != null) {
            throw notSupported("views cannot be unlogged because they do not have storage", ctx.tablePersistence());
        }
        return new SchemaChange.CreateView(qualifiedName(ctx.qualifiedName()), ctx.REPLACE() != null,
                columnNames(ctx.columnNameList()), query(ctx.query()), sourceText(ctx.query()));
    }

    // ---------------------------------------------------------------------------------------------
    // ALTER TABLE, TRUNCATE, ANALYZE, VACUUM

    @Override
    public Statement visitAlterTableActions(AlterTableActionsContext ctx) {
        QualifiedName table = qualifiedName(ctx.qualifiedName());
        List<AlterAction> actions = new ArrayList<>();
        for (AlterTableActionContext action : ctx.alterTableAction()) {
            actions.add(action instanceof AddColumnContext addColumn
                    ? new AlterAction.AddColumn(columnDefinition(addColumn.columnDefinition(), table),
                            addColumn.IF() != null)
                    : (AlterAction) visit(action));
        }
        return new SchemaChange.AlterTable(table, ctx.IF() != null, actions);
    }

    @Override
    public Statement visitRenameColumn(RenameColumnContext ctx) {
        return new SchemaChange.AlterTable(qualifiedName(ctx.qualifiedName()), ctx.IF() != null,
                List.of(new AlterAction.RenameColumn(name(ctx.from), name(ctx.to))));
    }

    @Override
    public Statement visitRenameTable(RenameTableContext ctx) {
        return new SchemaChange.AlterTable(qualifiedName(ctx.qualifiedName()), ctx.IF() != null,
                List.of(new AlterAction.RenameTable(name(ctx.newName))));
    }

    @Override
    public AlterAction visitAddConstraint(AddConstraintContext ctx) {
        return new AlterAction.AddConstraint(tableConstraint(ctx.tableConstraint()));
    }

    @Override
    public AlterAction visitDropConstraint(DropConstraintContext ctx) {
        if (cascade(ctx.dropBehavior())) {
            throw notSupported("DROP CONSTRAINT ... CASCADE is not supported", ctx.dropBehavior());
        }
        return new AlterAction.DropConstraint(name(ctx.identifier()), ctx.IF() != null);
    }

    @Override
    public AlterAction visitDropColumn(DropColumnContext ctx) {
        return new AlterAction.DropColumn(name(ctx.identifier()), ctx.IF() != null, cascade(ctx.dropBehavior()));
    }

    @Override
    public AlterAction visitSetColumnDefault(SetColumnDefaultContext ctx) {
        return new AlterAction.SetDefault(name(ctx.identifier()), expression(ctx.expression()));
    }

    @Override
    public AlterAction visitDropColumnDefault(DropColumnDefaultContext ctx) {
        return new AlterAction.DropDefault(name(ctx.identifier()));
    }

    @Override
    public AlterAction visitSetColumnNotNull(SetColumnNotNullContext ctx) {
        return new AlterAction.SetNotNull(name(ctx.identifier()));
    }

    @Override
    public AlterAction visitDropColumnNotNull(DropColumnNotNullContext ctx) {
        return new AlterAction.DropNotNull(name(ctx.identifier()));
    }

    @Override
    public AlterAction visitAlterColumnType(AlterColumnTypeContext ctx) {
        if (ctx.USING() != null) {
            throw notSupported("ALTER COLUMN TYPE ... USING is not supported", ctx.expression());
        }
        return new AlterAction.AlterColumnType(name(ctx.identifier()), dataType(ctx.typeName()));
    }

    @Override
    public Statement visitTruncate(TruncateContext ctx) {
        boolean restartIdentity = ctx.identityHandling != null
                && ctx.identityHandling.getType() == PostgresSqlLexer.RESTART;
        return new SchemaChange.Truncate(qualifiedNames(ctx.qualifiedName()), restartIdentity,
                cascade(ctx.dropBehavior()));
    }

    @Override
    public Statement visitComment(CommentContext ctx) {
        SchemaChange.CommentTarget target = SchemaChange.CommentTarget.valueOf(ctx.target.getText().toUpperCase(Locale.ROOT));
        String text = ctx.stringConstant() == null ? null : string(ctx.stringConstant());
        return new SchemaChange.Comment(target, qualifiedName(ctx.qualifiedName()), text == null || text.isEmpty() ? null : text);
    }

    @Override
    public Statement visitAnalyze(AnalyzeContext ctx) {
        return new SchemaChange.Analyze(qualifiedNames(ctx.qualifiedName()), false);
    }

    /** VACUUM has nothing to reclaim on this storage; like ANALYZE it refreshes statistics. */
    @Override
    public Statement visitVacuum(VacuumContext ctx) {
        for (UtilityOptionContext option : ctx.utilityOption()) {
            String name = utilityOptionName(option);
            if (!VACUUM_OPTIONS.contains(name)) {
                throw syntaxError("unrecognized VACUUM option \"" + name + "\"", option);
            }
        }
        return new SchemaChange.Analyze(qualifiedNames(ctx.qualifiedName()), true);
    }

    // ---------------------------------------------------------------------------------------------
    // Transactions

    /** BEGIN and START TRANSACTION. DEFERRABLE is accepted: with nothing to wait for it changes nothing. */
    @Override
    public Statement visitBegin(BeginContext ctx) {
        TransactionModes modes = transactionModes(ctx.transactionModes());
        return new TransactionControl.Begin(modes.isolation(), modes.readOnly());
    }

    @Override
    public Statement visitCommit(CommitContext ctx) {
        return new TransactionControl.Commit(ctx.CHAIN() != null && ctx.NO() == null);
    }

    @Override
    public Statement visitRollback(RollbackContext ctx) {
        return new TransactionControl.Rollback(ctx.CHAIN() != null && ctx.NO() == null);
    }

    @Override
    public Statement visitSavepoint(SavepointContext ctx) {
        return new TransactionControl.Savepoint(name(ctx.identifier()));
    }

    @Override
    public Statement visitReleaseSavepoint(ReleaseSavepointContext ctx) {
        return new TransactionControl.ReleaseSavepoint(name(ctx.identifier()));
    }

    @Override
    public Statement visitRollbackToSavepoint(RollbackToSavepointContext ctx) {
        return new TransactionControl.RollbackToSavepoint(name(ctx.identifier()));
    }

    @Override
    public Statement visitSetTransaction(SetTransactionContext ctx) {
        TransactionModes modes = transactionModes(ctx.transactionModes());
        return new TransactionControl.SetTransaction(modes.isolation(), modes.readOnly(), false);
    }

    @Override
    public Statement visitSetSessionCharacteristics(SetSessionCharacteristicsContext ctx) {
        TransactionModes modes = transactionModes(ctx.transactionModes());
        return new TransactionControl.SetTransaction(modes.isolation(), modes.readOnly(), true);
    }

    private record TransactionModes(IsolationLevel isolation, Boolean readOnly) {
    }

    private static TransactionModes transactionModes(TransactionModesContext ctx) {
        IsolationLevel isolation = null;
        Boolean readOnly = null;
        for (TransactionModeContext mode : ctx == null ? List.<TransactionModeContext>of() : ctx.transactionMode()) {
            if (mode instanceof IsolationModeContext isolationMode) {
                IsolationLevelContext level = isolationMode.isolationLevel();
                isolation = level.SERIALIZABLE() != null ? IsolationLevel.SERIALIZABLE
                        : level.REPEATABLE() != null ? IsolationLevel.REPEATABLE_READ
                        : level.COMMITTED() != null ? IsolationLevel.READ_COMMITTED
                        : IsolationLevel.READ_UNCOMMITTED;
            } else if (mode instanceof ReadOnlyModeContext) {
                readOnly = true;
            } else if (mode instanceof ReadWriteModeContext) {
                readOnly = false;
            }
        }
        return new TransactionModes(isolation, readOnly);
    }

    // ---------------------------------------------------------------------------------------------
    // SET, SHOW, RESET

    /** {@code SET name TO DEFAULT} is an empty value list. */
    @Override
    public Statement visitSetVariable(SetVariableContext ctx) {
        List<Expr> values = new ArrayList<>();
        for (OptionValueContext value : ctx.optionValue()) {
            values.add(optionValue(value));
        }
        return new SessionCommand.SetVariable(variableName(ctx.variableName()), values, isLocal(ctx.scope));
    }

    /** {@code SET TIME ZONE LOCAL|DEFAULT} restores the default: an empty value list. */
    @Override
    public Statement visitSetTimeZone(SetTimeZoneContext ctx) {
        List<Expr> values = ctx.optionValue() != null ? List.of(optionValue(ctx.optionValue()))
                : ctx.INTERVAL() != null ? List.of(new Expr.Cast(stringLiteral(ctx.stringConstant()),
                        DataType.INTERVAL, source.position(ctx.INTERVAL().getSymbol())))
                : List.of();
        return new SessionCommand.SetVariable("timezone", values, isLocal(ctx.scope));
    }

    @Override
    public Statement visitSetNames(SetNamesContext ctx) {
        List<Expr> values = ctx.stringConstant() == null ? List.of() : List.of(stringLiteral(ctx.stringConstant()));
        return new SessionCommand.SetVariable("client_encoding", values, isLocal(ctx.scope));
    }

    @Override
    public Statement visitSetSchema(SetSchemaContext ctx) {
        return new SessionCommand.SetVariable("search_path", List.of(stringLiteral(ctx.stringConstant())),
                isLocal(ctx.scope));
    }

    private static boolean isLocal(Token scope) {
        return scope != null && scope.getType() == PostgresSqlLexer.LOCAL;
    }

    @Override
    public Statement visitShowStatement(ShowStatementContext ctx) {
        return new SessionCommand.ShowVariable(
                settingName(ctx.variableName(), ctx.ALL() != null, ctx.ZONE() != null, ctx.ISOLATION() != null));
    }

    @Override
    public Statement visitResetStatement(ResetStatementContext ctx) {
        return new SessionCommand.ResetVariable(
                settingName(ctx.variableName(), ctx.ALL() != null, ctx.ZONE() != null, ctx.ISOLATION() != null));
    }

    private String settingName(VariableNameContext name, boolean all, boolean timeZone, boolean isolation) {
        if (all) {
            return "all";
        }
        if (timeZone) {
            return "timezone";
        }
        return isolation ? "transaction_isolation" : variableName(name);
    }

    private String variableName(VariableNameContext ctx) {
        return String.join(".", names(ctx.identifier()));
    }

    /**
     * A SET value as an untyped literal of the text written (identifiers folded, ON as "on"),
     * except numbers, which stay numeric literals.
     */
    private Expr optionValue(OptionValueContext ctx) {
        if (ctx.signedNumber() != null) {
            return signedNumber(ctx.signedNumber());
        }
        return new Expr.Literal(optionText(ctx), DataType.UNKNOWN, position(ctx));
    }

    private String optionText(OptionValueContext ctx) {
        if (ctx.signedNumber() != null) {
            return ctx.signedNumber().getText();
        }
        if (ctx.stringConstant() != null) {
            return string(ctx.stringConstant());
        }
        return ctx.nonReservedWord() != null ? name(ctx.nonReservedWord()) : Identifiers.fold(ctx.getText());
    }

    // ---------------------------------------------------------------------------------------------
    // COPY and EXPLAIN

    @Override
    public Statement visitCopyTable(CopyTableContext ctx) {
        Copy.Direction direction = ctx.direction.getType() == PostgresSqlLexer.FROM
                ? Copy.Direction.FROM
                : Copy.Direction.TO;
        return new Copy(qualifiedName(ctx.qualifiedName()), columnNames(ctx.columnNameList()), null, direction,
                fileName(ctx.copyEndpoint()), copyOptions(ctx.copyOptions()));
    }

    @Override
    public Statement visitCopyQuery(CopyQueryContext ctx) {
        return new Copy(null, List.of(), query(ctx.query()), Copy.Direction.TO, fileName(ctx.copyEndpoint()),
                copyOptions(ctx.copyOptions()));
    }

    /** STDIN and STDOUT both mean the client's stream: no file name. */
    private String fileName(CopyEndpointContext ctx) {
        return ctx.stringConstant() == null ? null : string(ctx.stringConstant());
    }

    /**
     * COPY options under their PostgreSQL names, whichever syntax wrote them: the pre-9.0 words
     * (CSV, HEADER, DELIMITER 'x', FORCE QUOTE *...) map to format, header, delimiter, force_quote...
     */
    private Map<String, String> copyOptions(CopyOptionsContext ctx) {
        Map<String, String> options = new LinkedHashMap<>();
        if (ctx == null) {
            return options;
        }
        for (CopyOptionContext option : ctx.copyOption()) {
            CopyOptionArgumentContext argument = option.copyOptionArgument();
            String value;
            if (argument == null) {
                value = null;
            } else if (argument.STAR() != null) {
                value = "*";
            } else if (argument.LEFT_PAREN() != null) {
                value = String.join(",", argument.optionValue().stream().map(this::optionText).toList());
            } else {
                value = optionText(argument.optionValue().getFirst());
            }
            putCopyOption(options, name(option.columnLabel()), value, option);
        }
        for (LegacyCopyOptionContext option : ctx.legacyCopyOption()) {
            switch (option) {
                case LegacyBinaryContext binary -> putCopyOption(options, "format", "binary", binary);
                case LegacyCsvContext csv -> putCopyOption(options, "format", "csv", csv);
                case LegacyFreezeContext freeze -> putCopyOption(options, "freeze", null, freeze);
                case LegacyHeaderContext header -> putCopyOption(options, "header", null, header);
                case LegacyStringOptionContext stringOption -> putCopyOption(options,
                        Identifiers.fold(stringOption.option.getText()), string(stringOption.stringConstant()),
                        stringOption);
                case LegacyEncodingContext encoding ->
                        putCopyOption(options, "encoding", string(encoding.stringConstant()), encoding);
                case LegacyForceQuoteContext forceQuote -> putCopyOption(options, "force_quote",
                        forceQuote.STAR() != null ? "*" : String.join(",", names(forceQuote.identifier())), forceQuote);
                case LegacyForceNotNullContext forceNotNull -> putCopyOption(options, "force_not_null",
                        String.join(",", names(forceNotNull.identifier())), forceNotNull);
                case LegacyForceNullContext forceNull -> putCopyOption(options, "force_null",
                        String.join(",", names(forceNull.identifier())), forceNull);
                default -> throw new IllegalStateException("unknown COPY option " + option.getText());
            }
        }
        return options;
    }

    private void putCopyOption(Map<String, String> options, String name, String value, ParserRuleContext at) {
        if (options.containsKey(name)) {
            throw syntaxError("conflicting or redundant options", at);
        }
        options.put(name, value);
    }

    /** EXPLAIN options that only shape PostgreSQL's output (COSTS, BUFFERS...) are accepted; FORMAT must be TEXT. */
    @Override
    public Statement visitExplainStatement(ExplainStatementContext ctx) {
        Statement statement = (Statement) visit(ctx.explainableStatement().getChild(0));
        if (ctx.LEFT_PAREN() == null) {
            return new Explain(statement, ctx.ANALYZE() != null || ctx.ANALYSE() != null, ctx.VERBOSE() != null);
        }
        boolean analyze = false;
        boolean verbose = false;
        for (UtilityOptionContext option : ctx.utilityOption()) {
            String name = utilityOptionName(option);
            switch (name) {
                case "analyze", "analyse" -> analyze = booleanOption(name, option);
                case "verbose" -> verbose = booleanOption(name, option);
                case "format" -> {
                    String format = option.optionValue() == null ? "" : optionText(option.optionValue());
                    if (!format.equals("text")) {
                        throw notSupported("EXPLAIN format \"" + format + "\" is not supported", option);
                    }
                }
                default -> {
                    if (!EXPLAIN_DETAIL_OPTIONS.contains(name)) {
                        throw syntaxError("unrecognized EXPLAIN option \"" + name + "\"", option);
                    }
                    booleanOption(name, option);
                }
            }
        }
        return new Explain(statement, analyze, verbose);
    }

    private static String utilityOptionName(UtilityOptionContext option) {
        return Identifiers.fold(option.getStart().getText());
    }

    /** A Boolean option value the way PostgreSQL's defGetBoolean reads it; absent means true. */
    private boolean booleanOption(String name, UtilityOptionContext option) {
        if (option.optionValue() == null) {
            return true;
        }
        return switch (optionText(option.optionValue())) {
            case "true", "on", "1", "yes" -> true;
            case "false", "off", "0", "no" -> false;
            default -> throw syntaxError(name + " requires a Boolean value", option);
        };
    }

    // ---------------------------------------------------------------------------------------------
    // Shared helpers

    private Query query(QueryContext ctx) {
        return (Query) visit(ctx);
    }

    private Expr expression(ParserRuleContext ctx) {
        return (Expr) visit(ctx);
    }

    private Expr optionalExpression(ParserRuleContext ctx) {
        return ctx == null ? null : expression(ctx);
    }

    private List<Expr> expressions(List<? extends ParserRuleContext> contexts) {
        List<Expr> expressions = new ArrayList<>(contexts.size());
        for (ParserRuleContext context : contexts) {
            expressions.add(expression(context));
        }
        return expressions;
    }

    /** The name a single-word rule (identifier, columnLabel, bareLabel...) stands for. */
    private String name(ParserRuleContext ctx) {
        Token token = ctx.getStart();
        return Identifiers.name(token, source.position(token));
    }

    private List<String> names(List<? extends ParserRuleContext> contexts) {
        List<String> names = new ArrayList<>(contexts.size());
        for (ParserRuleContext context : contexts) {
            names.add(name(context));
        }
        return names;
    }

    private List<String> columnNames(ColumnNameListContext ctx) {
        return ctx == null ? List.of() : names(ctx.identifier());
    }

    private QualifiedName qualifiedName(QualifiedNameContext ctx) {
        List<String> parts = new ArrayList<>();
        parts.add(name(ctx.identifier()));
        ctx.columnLabel().forEach(label -> parts.add(name(label)));
        return new QualifiedName(parts);
    }

    private List<QualifiedName> qualifiedNames(List<QualifiedNameContext> contexts) {
        List<QualifiedName> names = new ArrayList<>(contexts.size());
        for (QualifiedNameContext context : contexts) {
            names.add(qualifiedName(context));
        }
        return names;
    }

    private String sourceText(ParserRuleContext ctx) {
        return source.text(ctx.getStart(), ctx.getStop());
    }

    private int position(ParserRuleContext ctx) {
        return source.position(ctx.getStart());
    }

    private int optionalPosition(ParserRuleContext ctx) {
        return ctx == null ? 0 : position(ctx);
    }

    private SqlException syntaxError(String message, ParserRuleContext at) {
        return new SqlException(ErrorCode.SYNTAX_ERROR, message, position(at));
    }

    private SqlException notSupported(String message, ParserRuleContext at) {
        return new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, message, position(at));
    }
}
