package io.weftdb.mysql.sql;

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
import io.weftdb.ir.stmt.Statement;
import io.weftdb.ir.stmt.TableConstraint;
import io.weftdb.ir.stmt.TransactionControl;
import io.weftdb.ir.type.Bytes;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.Interval;
import io.weftdb.mysql.error.MysqlException;
import io.weftdb.mysql.error.MysqlVendorError;
import io.weftdb.mysql.sql.MysqlSqlGrammar.*;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns the MySQL parse tree into IR, or into the {@link MysqlCommand}s the listener answers. Names
 * are folded to lower case, quoted or not (the server runs as lower_case_table_names=1), so they
 * meet the names PostgreSQL clients create unquoted. MySQL's meanings are spelled in IR: {@code /}
 * divides exactly, {@code ||} is OR, {@code <=>} is IS NOT DISTINCT FROM, TRUE and FALSE are 1 and 0,
 * IFNULL is COALESCE, IF is CASE, AUTO_INCREMENT is an owned sequence. One instance per script.
 */
final class MysqlAstBuilder {
    /** MySQL functions the engine has no equivalent for yet: named errors instead of "does not exist". */
    private static final Set<String> UNSUPPORTED_FUNCTIONS = Set.of(
            "inet_aton", "inet_ntoa", "sleep", "get_lock", "release_lock", "benchmark");

    /** The name ON DUPLICATE KEY UPDATE gives the proposed row: the engine's ON CONFLICT spelling. */
    private static final String PROPOSED_ROW = "excluded";

    private final SourceText source;
    private final SessionFacts facts;
    /** Whether information_schema names MySQL's layout ({@link MysqlInformationSchema}) or the engine's. */
    private final boolean mysqlInformationSchema;
    private int parameterCount;
    /** Set while translating an ON DUPLICATE KEY UPDATE list, whose names mean the existing or the proposed row. */
    private DuplicateKeyNames duplicateKey;
    /** While a LOAD DATA SET clause is built: the variables its field list reads into. */
    private Set<String> loadVariables = Set.of();
    /** Set while translating a HAVING that filters rows: select-list aliases by name, for {@link AggregateCalls}. */
    private Map<String, Expr> havingAliases;

    MysqlAstBuilder(SourceText source, SessionFacts facts, boolean mysqlInformationSchema) {
        this.source = source;
        this.facts = facts;
        this.mysqlInformationSchema = mysqlInformationSchema;
    }

    List<ParsedCommand> script(ScriptContext script) {
        List<ParsedCommand> commands = new ArrayList<>();
        for (StatementContext statement : script.statement()) {
            parameterCount = 0;
            String text = source.text(statement.getStart(), statement.getStop());
            int offset = source.charOffset(statement.getStart().getStartIndex());
            for (MysqlCommand command : statement(statement)) {
                commands.add(new ParsedCommand(command, text, offset, parameterCount));
            }
        }
        return commands;
    }

    // ---------------------------------------------------------------------------------------- statements

    private List<MysqlCommand> statement(StatementContext ctx) {
        ParserRuleContext child = (ParserRuleContext) ctx.getChild(0);
        return switch (child) {
            case QueryContext query -> calculatesFoundRows(query) ? List.of(calcFoundRows(query(query), query))
                    : engine(query(query));
            case InsertStatementContext insert -> engine(insert(insert));
            case ReplaceStatementContext replace -> List.of(replace(replace));
            case UpdateStatementContext update -> engine(update(update));
            case DeleteStatementContext delete -> engine(switch (delete) {
                case SingleTableDeleteContext single -> delete(single);
                case MultiTableDeleteContext multi -> delete(multi);
                default -> throw new IllegalStateException("unhandled DELETE form");
            });
            case CreateDatabaseContext create -> engine(new SchemaChange.CreateSchema(name(create.identifier()),
                    create.EXISTS() != null));
            case DropDatabaseContext drop -> engine(new SchemaChange.DropSchema(List.of(name(drop.identifier())),
                    drop.EXISTS() != null, true));
            case CreateTableContext create -> createTable(create);
            // DROP TEMPORARY TABLE drops only temporary tables: the names go to the session's temporary schema.
            case DropTableContext drop -> engine(new SchemaChange.DropTable(drop.qualifiedName().stream()
                    .map(name -> drop.TEMPORARY() != null ? QualifiedName.of("pg_temp", qualifiedName(name).name())
                            : qualifiedName(name)).toList(), drop.EXISTS() != null, drop.CASCADE() != null));
            case CreateIndexContext create -> engine(createIndex(name(create.identifier()), qualifiedName(create.qualifiedName()),
                    create.UNIQUE() != null, create.indexColumns()));
            case DropIndexContext drop -> engine(dropIndex(qualifiedName(drop.qualifiedName()), name(drop.identifier())));
            case CreateViewContext create -> engine(new SchemaChange.CreateView(qualifiedName(create.qualifiedName()),
                    create.REPLACE() != null, columnList(create.columnList()), query(create.query()),
                    source.text(create.query().getStart(), create.query().getStop())));
            case DropViewContext drop -> engine(new SchemaChange.DropView(
                    drop.qualifiedName().stream().map(this::qualifiedName).toList(), drop.EXISTS() != null,
                    drop.CASCADE() != null));
            case AlterTableContext alter -> alterTable(alter);
            case RenameTableContext rename -> engine(new SchemaChange.AlterTable(qualifiedName(rename.qualifiedName(0)), false,
                    List.of(new SchemaChange.AlterAction.RenameTable(qualifiedName(rename.qualifiedName(1)).name()))));
            case TruncateTableContext truncate -> engine(new SchemaChange.Truncate(List.of(qualifiedName(truncate.qualifiedName())),
                    false, false));
            case TransactionStatementContext transaction -> engine(transaction(transaction));
            case SetStatementContext set -> List.of(set(set));
            case UseStatementContext use -> List.of(new MysqlCommand.UseDatabase(name(use.identifier())));
            case ShowStatementContext show -> List.of(filtered(show, show(show)));
            case DescribeStatementContext describe -> List.of(new MysqlCommand.ShowColumns(
                    qualifiedName(describe.qualifiedName()), false, null));
            case ExplainStatementContext explain -> engine(new Explain(query(explain.query()), false, false));
            case LockTablesContext lock -> List.of(lockTables(lock));
            case KillStatementContext kill -> List.of(new MysqlCommand.Kill(Long.parseLong(kill.INTEGER_LITERAL().getText()),
                    kill.QUERY() != null));
            case LoadDataStatementContext load -> List.of(loadData(load));
            case AnalyzeTableContext analyze -> List.of(new MysqlCommand.AnalyzeTables(
                    analyze.qualifiedName().stream().map(this::qualifiedName).toList()));
            default -> throw new IllegalStateException("unhandled statement " + child.getClass().getSimpleName());
        };
    }

    /**
     * LOAD DATA as the COPY FROM it amounts to: MySQL's default format (tab-separated fields,
     * backslash escapes, {@code \N} for NULL, newline-terminated lines) is PostgreSQL's text format;
     * with ENCLOSED BY it is CSV with that quote, the ESCAPED BY character escaping it and
     * {@code \N} for NULL. What has no COPY equivalent is refused rather than half done.
     */
    private MysqlCommand loadData(LoadDataStatementContext ctx) {
        if (ctx.optionWord() != null) {
            String charset = ctx.optionWord().getText().replace("'", "").toLowerCase(Locale.ROOT);
            if (!List.of("utf8", "utf8mb4", "utf8mb3", "ascii", "binary").contains(charset)) {
                throw notSupported("LOAD DATA CHARACTER SET " + charset);
            }
        }
        String terminated = "\t";
        String enclosed = "";
        String escaped = "\\";
        for (FieldsOptionContext option : ctx.fieldsOption()) {
            switch (option) {
                case FieldsTerminatedContext field -> terminated = stringValue(field.STRING().getSymbol());
                case FieldsEnclosedContext field -> enclosed = stringValue(field.STRING().getSymbol());
                case FieldsEscapedContext field -> escaped = stringValue(field.STRING().getSymbol());
                default -> throw new IllegalStateException("unhandled FIELDS option");
            }
        }
        String startingBy = "";
        for (LinesOptionContext option : ctx.linesOption()) {
            switch (option) {
                case LinesStartingContext lines -> startingBy = stringValue(lines.STRING().getSymbol());
                case LinesTerminatedContext lines when !List.of("\n", "\r\n").contains(stringValue(lines.STRING().getSymbol())) ->
                        throw notSupported("LOAD DATA LINES TERMINATED BY other than '\\n' or '\\r\\n'");
                default -> { }
            }
        }
        if (terminated.length() != 1 || enclosed.length() > 1 || escaped.length() > 1) {
            throw notSupported("LOAD DATA field terminators, enclosures or escapes longer than one character");
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("delimiter", terminated);
        options.put("null", "\\N");
        if (enclosed.isEmpty()) {
            if (!escaped.equals("\\")) {
                throw notSupported("LOAD DATA ESCAPED BY other than '\\\\' without ENCLOSED BY");
            }
        } else {
            options.put("format", "csv");
            options.put("quote", enclosed);
            options.put("escape", escaped.isEmpty() ? enclosed : escaped);
        }
        long skipped = ctx.skipped == null ? 0 : Long.parseLong(ctx.skipped.getText());
        Copy copy = new Copy(qualifiedName(ctx.qualifiedName()), List.of(), null, Copy.Direction.FROM, null, options,
                load(ctx));
        return new MysqlCommand.LoadData(copy, stringValue(ctx.fileName), ctx.LOCAL() != null, skipped, startingBy);
    }

    /**
     * The fields' targets, the SET assignments (reading the list's variables as the load's input,
     * any other {@code @v} as the session's variable) and the duplicate handling: REPLACE, IGNORE,
     * or with LOCAL IGNORE as well, since MySQL cannot stop a client's file midway.
     */
    private Copy.Load load(LoadDataStatementContext ctx) {
        List<Copy.Field> fields = new ArrayList<>();
        Set<String> variables = new HashSet<>();
        if (ctx.loadFields() != null) {
            for (LoadFieldContext field : ctx.loadFields().loadField()) {
                if (field.USER_VARIABLE() != null) {
                    String name = userVariableName(field.USER_VARIABLE().getSymbol());
                    variables.add(name);
                    fields.add(new Copy.Field.Variable(name));
                } else {
                    fields.add(new Copy.Field.Column(name(field.identifier())));
                }
            }
        }
        List<DataChange.Assignment> assignments = new ArrayList<>();
        loadVariables = variables;
        try {
            for (AssignmentContext assignment : ctx.assignment()) {
                assignments.add(new DataChange.Assignment(qualifiedName(assignment.qualifiedName()).name(),
                        expressionOrDefault(assignment.expressionOrDefault())));
            }
        } finally {
            loadVariables = Set.of();
        }
        Copy.Duplicates duplicates = ctx.duplicates != null && ctx.duplicates.getType() == MysqlSqlLexer.REPLACE
                ? Copy.Duplicates.REPLACE
                : ctx.duplicates != null || ctx.LOCAL() != null ? Copy.Duplicates.IGNORE : Copy.Duplicates.ERROR;
        return new Copy.Load(fields, assignments, duplicates);
    }

    private static SqlException notSupported(String what) {
        return new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, what + " is not supported");
    }

    /** Whether the outermost SELECT asks for SQL_CALC_FOUND_ROWS. */
    private static boolean calculatesFoundRows(QueryContext ctx) {
        return ctx.queryExpression() instanceof PrimaryQueryContext primary
                && primary.queryPrimary().querySpecification() != null
                && primary.queryPrimary().querySpecification().SQL_CALC_FOUND_ROWS() != null;
    }

    /** SQL_CALC_FOUND_ROWS: the query, and a count of its rows without LIMIT and OFFSET (ORDER BY changes no count). */
    private MysqlCommand calcFoundRows(Query query, QueryContext ctx) {
        if (!(query instanceof Query.Select select)) {
            throw unsupported("SQL_CALC_FOUND_ROWS here", ctx);
        }
        Query unlimited = select.withTail(select.with(), List.of(), null, null, Query.LockMode.NONE);
        Expr countAll = new Expr.FunctionCall(QualifiedName.of("count"), List.of(), false, true, null, List.of(), null, 0);
        Query count = new Query.Select(List.of(), false, List.of(), List.of(new Query.SelectItem(countAll, null)),
                List.of(new FromItem.DerivedTable(unlimited, "found", List.of(), false, 0)), null, List.of(), null,
                List.of(), null, null, Query.LockMode.NONE);
        return new MysqlCommand.CalcFoundRows(query, count);
    }

    private MysqlCommand lockTables(LockTablesContext ctx) {
        return switch (ctx) {
            case LockContext lock -> new MysqlCommand.LockTables(lock.lockedTable().stream()
                    .map(table -> new MysqlCommand.TableLock(qualifiedName(table.qualifiedName()), table.READ() == null))
                    .toList());
            case UnlockContext ignored -> new MysqlCommand.UnlockTables();
            default -> throw new IllegalStateException("unhandled LOCK statement");
        };
    }

    private static List<MysqlCommand> engine(Statement statement) {
        return List.of(new MysqlCommand.EngineStatement(statement));
    }

    // ---------------------------------------------------------------------------------------- queries

    Query query(QueryContext ctx) {
        // A subquery inside ON DUPLICATE KEY UPDATE has its own names.
        DuplicateKeyNames enclosing = duplicateKey;
        duplicateKey = null;
        try {
            return queryWithTail(ctx);
        } finally {
            duplicateKey = enclosing;
        }
    }

    private Query queryWithTail(QueryContext ctx) {
        Query query = queryWithoutWith(ctx);
        if (ctx.withClause() == null) {
            return query;
        }
        boolean recursive = ctx.withClause().RECURSIVE() != null;
        List<Query.With> with = new ArrayList<>();
        for (CommonTableExpressionContext cte : ctx.withClause().commonTableExpression()) {
            with.add(new Query.With(name(cte.name), columnList(cte.columnList()), query(cte.query()), recursive));
        }
        return switch (query) {
            case Query.Select select -> select.withTail(with, select.orderBy(), select.limit(), select.offset(),
                    select.lockMode(), select.lockWait());
            case Query.SetOperation set -> new Query.SetOperation(with, set.operator(), set.all(), set.left(), set.right(),
                    set.orderBy(), set.limit(), set.offset());
            case Query.Values values -> throw new IllegalStateException("MySQL queries have no VALUES body");
        };
    }

    private Query queryWithoutWith(QueryContext ctx) {
        Query body = queryExpression(ctx.queryExpression());
        List<SortItem> orderBy = ctx.orderByClause() == null ? List.of() : orderBy(ctx.orderByClause());
        Expr[] limit = limit(ctx.limitClause());
        Query.LockMode lock = Query.LockMode.NONE;
        Query.LockWait wait = Query.LockWait.WAIT;
        if (ctx.lockClause() != null) {
            lock = ctx.lockClause().UPDATE() != null ? Query.LockMode.FOR_UPDATE : Query.LockMode.FOR_SHARE;
            LockWaitContext lockWait = ctx.lockClause().lockWait();
            if (lockWait != null) {
                wait = lockWait.NOWAIT() != null ? Query.LockWait.NOWAIT : Query.LockWait.SKIP_LOCKED;
            }
        }
        if (orderBy.isEmpty() && limit[0] == null && limit[1] == null && lock == Query.LockMode.NONE) {
            return body;
        }
        return switch (body) {
            case Query.Select select when select.orderBy().isEmpty() && select.limit() == null && select.offset() == null ->
                    select.withTail(select.with(), select.distinct() ? sortBySelectedNames(select, orderBy) : orderBy,
                            limit[0], limit[1], lock, wait);
            case Query.SetOperation set when set.orderBy().isEmpty() && set.limit() == null && set.offset() == null ->
                    new Query.SetOperation(set.with(), set.operator(), set.all(), set.left(), set.right(), orderBy,
                            limit[0], limit[1]);
            default -> new Query.Select(List.of(), false, List.of(), List.of(new Query.SelectItem(new Expr.Star(null, 0), null)),
                    List.of(new FromItem.DerivedTable(body, "derived", List.of(), false, 0)), null, List.of(), null,
                    orderBy, limit[0], limit[1], lock);
        };
    }

    /**
     * SELECT DISTINCT may sort by a column it selects under an alias ({@code SELECT DISTINCT a.x AS y
     * ... ORDER BY a.x}, as Connector/J's getImportedKeys does); the engine matches the sort keys of
     * a DISTINCT query with its output by name, so such a key is spelled as the alias.
     */
    private static List<SortItem> sortBySelectedNames(Query.Select select, List<SortItem> orderBy) {
        List<SortItem> sorted = new ArrayList<>();
        for (SortItem item : orderBy) {
            SortItem renamed = item;
            if (item.expression() instanceof Expr.ColumnRef key) {
                for (Query.SelectItem selected : select.items()) {
                    if (selected.alias() != null && selected.expression() instanceof Expr.ColumnRef column
                            && column.name().equals(key.name())) {
                        renamed = new SortItem(new Expr.ColumnRef(QualifiedName.of(selected.alias()), key.position()),
                                item.descending(), item.nullsFirst());
                        break;
                    }
                }
            }
            sorted.add(renamed);
        }
        return sorted;
    }

    private Query queryExpression(QueryExpressionContext ctx) {
        return switch (ctx) {
            case PrimaryQueryContext primary -> primary.queryPrimary().querySpecification() != null
                    ? select(primary.queryPrimary().querySpecification())
                    : query(primary.queryPrimary().query());
            case SetOperationContext set -> {
                Query.SetOperator operator = set.INTERSECT() != null ? Query.SetOperator.INTERSECT
                        : set.operator.getType() == MysqlSqlLexer.UNION ? Query.SetOperator.UNION : Query.SetOperator.EXCEPT;
                boolean all = set.quantifier != null && set.quantifier.getType() == MysqlSqlLexer.ALL;
                yield new Query.SetOperation(List.of(), operator, all, queryExpression(set.left), queryExpression(set.right),
                        List.of(), null, null);
            }
            default -> throw new IllegalStateException("unhandled query " + ctx.getClass().getSimpleName());
        };
    }

    private Query.Select select(QuerySpecificationContext ctx) {
        // A subquery's names are its own: the aliases of an enclosing HAVING do not reach into it.
        Map<String, Expr> enclosingAliases = havingAliases;
        havingAliases = null;
        namedWindows.enter(windowDefinitions(ctx));
        try {
            return selectSpecification(ctx);
        } finally {
            namedWindows.leave();
            havingAliases = enclosingAliases;
        }
    }

    /** The windows named by the WINDOW clauses of the SELECTs being built, innermost first. */
    private final NamedWindows namedWindows = new NamedWindows();

    /** WINDOW w AS (...): resolved while the calls are built, so the IR carries complete window specifications. */
    private Map<String, Expr.WindowSpec> windowDefinitions(QuerySpecificationContext ctx) {
        Map<String, Expr.WindowSpec> windows = new HashMap<>();
        for (WindowDefinitionContext definition : ctx.windowDefinition()) {
            String name = name(definition.name);
            if (windows.containsKey(name)) {
                throw new SqlException(ErrorCode.WINDOWING_ERROR, "Window '" + name + "' is defined twice.",
                        position(definition));
            }
            namedWindows.enter(windows);
            try {
                windows.put(name, window(definition.windowSpecification()));
            } finally {
                namedWindows.leave();
            }
        }
        return windows;
    }

    private Expr.WindowSpec over(OverClauseContext ctx) {
        return ctx.windowName != null ? namedWindow(ctx.windowName) : window(ctx.windowSpecification());
    }

    /**
     * A window specification; one that starts with a window name copies that window's PARTITION BY
     * and ORDER BY and may add an ORDER BY (if the named window has none) and a frame, as in MySQL.
     */
    private Expr.WindowSpec window(WindowSpecificationContext ctx) {
        Expr.WindowFrame ownFrame = ctx.windowFrame() == null ? null : windowFrame(ctx.windowFrame());
        List<SortItem> ownOrder = ctx.orderByClause() == null ? List.of() : orderBy(ctx.orderByClause());
        List<Expr> partitionBy = ctx.expression().stream().map(this::expression).toList();
        if (ctx.baseWindow == null) {
            return new Expr.WindowSpec(partitionBy, ownOrder, ownFrame);
        }
        Expr.WindowSpec base = namedWindow(ctx.baseWindow);
        if (!partitionBy.isEmpty() || !ownOrder.isEmpty() && !base.orderBy().isEmpty() || base.frame() != null) {
            throw new SqlException(ErrorCode.WINDOWING_ERROR, "Window '" + name(ctx.baseWindow)
                    + "' can not be inherited: it would override its PARTITION BY, ORDER BY or frame", position(ctx));
        }
        return new Expr.WindowSpec(base.partitionBy(), ownOrder.isEmpty() ? base.orderBy() : ownOrder, ownFrame);
    }

    private Expr.WindowSpec namedWindow(IdentifierContext ctx) {
        String name = name(ctx);
        Expr.WindowSpec window = namedWindows.find(name);
        if (window != null) {
            return window;
        }
        throw new SqlException(ErrorCode.UNDEFINED_OBJECT, "Window name '" + name + "' is not defined.", position(ctx));
    }

    /** A frame with only a start bound ends at the current row. */
    private Expr.WindowFrame windowFrame(WindowFrameContext ctx) {
        Expr.FrameUnit unit = ctx.unit.getType() == MysqlSqlLexer.RANGE ? Expr.FrameUnit.RANGE : Expr.FrameUnit.ROWS;
        Expr.FrameBound end = ctx.end == null ? new Expr.FrameBound(Expr.FrameBoundKind.CURRENT_ROW, null)
                : frameBound(ctx.end);
        return new Expr.WindowFrame(unit, frameBound(ctx.start), end);
    }

    private Expr.FrameBound frameBound(FrameBoundContext ctx) {
        return switch (ctx) {
            case UnboundedPrecedingContext bound -> new Expr.FrameBound(Expr.FrameBoundKind.UNBOUNDED_PRECEDING, null);
            case UnboundedFollowingContext bound -> new Expr.FrameBound(Expr.FrameBoundKind.UNBOUNDED_FOLLOWING, null);
            case CurrentRowContext bound -> new Expr.FrameBound(Expr.FrameBoundKind.CURRENT_ROW, null);
            case OffsetBoundContext offset -> new Expr.FrameBound(offset.direction.getType() == MysqlSqlLexer.PRECEDING
                    ? Expr.FrameBoundKind.PRECEDING : Expr.FrameBoundKind.FOLLOWING, valueExpression(offset.valueExpression()));
            default -> throw new IllegalStateException("unhandled frame bound");
        };
    }

    private Query.Select selectSpecification(QuerySpecificationContext ctx) {
        List<Query.SelectItem> items = new ArrayList<>();
        for (SelectItemContext item : ctx.selectItem()) {
            items.add(selectItem(item));
        }
        List<FromItem> from = new ArrayList<>();
        for (FromItemContext item : ctx.fromItem()) {
            from.add(fromItem(item));
        }
        // FROM DUAL is MySQL's spelling of no FROM at all.
        if (from.size() == 1 && from.getFirst() instanceof FromItem.TableRef table && table.alias() == null
                && table.name().equals(QualifiedName.of("dual"))) {
            from.clear();
        }
        List<Expr> groupBy = new ArrayList<>();
        if (ctx.GROUP() != null) {
            for (ExpressionContext expression : ctx.expression()) {
                if (expression != ctx.where && expression != ctx.having) {
                    groupBy.add(expression(expression));
                }
            }
        }
        Expr where = ctx.where == null ? null : condition(ctx.where);
        Expr having = null;
        if (ctx.having != null && groupBy.isEmpty() && ctx.selectItem().stream().noneMatch(AggregateCalls::appearIn)
                && !AggregateCalls.appearIn(ctx.having)) {
            // MySQL: without grouping or aggregates HAVING filters rows, and its names mean select-list aliases first.
            havingAliases = new HashMap<>();
            for (Query.SelectItem item : items) {
                if (item.alias() != null) {
                    havingAliases.putIfAbsent(item.alias().toLowerCase(Locale.ROOT), item.expression());
                }
            }
            Expr filter = condition(ctx.having);
            havingAliases = null;
            where = where == null ? filter : new Expr.Binary(BinaryOperator.AND, where, filter, position(ctx.having));
        } else if (ctx.having != null) {
            having = condition(ctx.having);
        }
        return new Query.Select(List.of(), ctx.DISTINCT() != null, List.of(), items, from, where, groupBy, having,
                List.of(), null, null, Query.LockMode.NONE);
    }

    /** An unaliased expression is named by its source text, as MySQL names result columns. */
    private Query.SelectItem selectItem(SelectItemContext ctx) {
        return switch (ctx) {
            case SelectAllContext all -> new Query.SelectItem(new Expr.Star(null, position(all)), null);
            case SelectAllFromContext all -> new Query.SelectItem(new Expr.Star(qualifiedName(all.qualifiedName()),
                    position(all)), null);
            case SelectExpressionContext item -> {
                Expr expression = expression(item.expression());
                String alias;
                if (item.alias() != null) {
                    alias = item.alias().identifier() != null ? name(item.alias().identifier())
                            : stringValue(item.alias().getStart());
                } else if (expression instanceof Expr.ColumnRef) {
                    alias = null;
                } else {
                    alias = source.text(item.getStart(), item.getStop());
                }
                yield new Query.SelectItem(expression, alias);
            }
            default -> throw new IllegalStateException("unhandled select item");
        };
    }

    private FromItem fromItem(FromItemContext ctx) {
        return switch (ctx) {
            case SingleTableContext single -> tablePrimary(single.tablePrimary());
            case CrossJoinContext cross -> new FromItem.Join(FromItem.JoinType.CROSS, fromItem(cross.left),
                    tablePrimary(cross.right), null, List.of(), false);
            case InnerJoinContext inner -> join(inner.joinCriteria() == null ? FromItem.JoinType.CROSS : FromItem.JoinType.INNER,
                    fromItem(inner.left), tablePrimary(inner.right), inner.joinCriteria());
            case OuterJoinContext outer -> join(outer.side.getType() == MysqlSqlLexer.LEFT ? FromItem.JoinType.LEFT
                    : FromItem.JoinType.RIGHT, fromItem(outer.left), tablePrimary(outer.right), outer.joinCriteria());
            default -> throw new IllegalStateException("unhandled from item");
        };
    }

    private FromItem join(FromItem.JoinType type, FromItem left, FromItem right, JoinCriteriaContext criteria) {
        if (criteria == null) {
            return new FromItem.Join(type, left, right, null, List.of(), false);
        }
        if (criteria.ON() != null) {
            return new FromItem.Join(type, left, right, condition(criteria.expression()), List.of(), false);
        }
        return new FromItem.Join(type, left, right, null, criteria.identifier().stream().map(MysqlAstBuilder::name).toList(),
                false);
    }

    private FromItem tablePrimary(TablePrimaryContext ctx) {
        return switch (ctx) {
            case TableNameContext table -> {
                QualifiedName name = qualifiedName(table.qualifiedName());
                String alias = table.identifier() == null ? null : name(table.identifier());
                Query mysqlView = mysqlInformationSchema ? MysqlInformationSchema.view(name) : null;
                yield mysqlView == null ? new FromItem.TableRef(name, alias, List.of(), position(table))
                        : new FromItem.DerivedTable(mysqlView, alias != null ? alias : name.name(), List.of(), false,
                                position(table));
            }
            case DerivedTableContext derived -> new FromItem.DerivedTable(query(derived.query()), name(derived.identifier()),
                    List.of(), false, position(derived));
            case ParenthesizedJoinContext parenthesized -> fromItem(parenthesized.fromItem());
            default -> throw new IllegalStateException("unhandled table");
        };
    }

    private List<SortItem> orderBy(OrderByClauseContext ctx) {
        List<SortItem> items = new ArrayList<>();
        for (SortItemContext item : ctx.sortItem()) {
            boolean descending = item.direction != null && item.direction.getType() == MysqlSqlLexer.DESC;
            // MySQL sorts NULLs first ascending and last descending: the opposite of the IR default.
            items.add(new SortItem(expression(item.expression()), descending, !descending));
        }
        return items;
    }

    /** LIMIT count | LIMIT offset, count | LIMIT count OFFSET offset, as {limit, offset}. */
    private Expr[] limit(LimitClauseContext ctx) {
        if (ctx == null) {
            return new Expr[2];
        }
        if (ctx.second != null) {
            return new Expr[] {limitValue(ctx.second), limitValue(ctx.first)};
        }
        return new Expr[] {limitValue(ctx.first), ctx.offset == null ? null : limitValue(ctx.offset)};
    }

    private Expr limitValue(LimitValueContext ctx) {
        if (ctx.QUESTION() != null) {
            return new Expr.Parameter(++parameterCount, position(ctx));
        }
        return integerLiteral(ctx.INTEGER_LITERAL().getSymbol());
    }

    // ---------------------------------------------------------------------------------------- data change

    private Statement insert(InsertStatementContext ctx) {
        DataChange.Insert insert = plainInsert(ctx.qualifiedName(), ctx.columnList(), ctx.insertSource());
        DataChange.OnConflict onConflict;
        if (ctx.onDuplicateKeyUpdate() != null) {
            onConflict = onDuplicateKeyUpdate(ctx.onDuplicateKeyUpdate(), insert.table(), insert.columns(), ctx.rowAlias());
        } else {
            onConflict = ctx.IGNORE() == null ? null : new DataChange.OnConflict(List.of(), null, true, List.of(), null);
        }
        return new DataChange.Insert(List.of(), insert.table(), null, insert.columns(), insert.source(), onConflict,
                List.of());
    }

    /** REPLACE: the rows to insert; the listener deletes what each conflicts with first ({@link MysqlCommand.Replace}). */
    private MysqlCommand replace(ReplaceStatementContext ctx) {
        return new MysqlCommand.Replace(plainInsert(ctx.qualifiedName(), ctx.columnList(), ctx.insertSource()));
    }

    /** INSERT's table, columns and rows (VALUES, SET or a query), without a conflict clause. */
    private DataChange.Insert plainInsert(QualifiedNameContext tableName, ColumnListContext columnList,
                                          InsertSourceContext insertSource) {
        QualifiedName table = qualifiedName(tableName);
        List<String> columns = columnList(columnList);
        Query source;
        switch (insertSource) {
            case ValuesSourceContext values -> {
                List<List<Expr>> rows = new ArrayList<>();
                boolean empty = true;
                for (RowValuesContext row : values.rowValues()) {
                    List<Expr> cells = row.expressionOrDefault().stream().map(this::expressionOrDefault).toList();
                    empty &= cells.isEmpty();
                    rows.add(cells);
                }
                if (empty && rows.size() == 1 && columns.isEmpty()) {
                    source = null;
                } else if (empty) {
                    throw unsupported("INSERT of several empty rows", values);
                } else {
                    source = new Query.Values(rows, List.of(), null, null);
                }
            }
            case SetSourceContext set -> {
                List<String> assigned = new ArrayList<>();
                List<Expr> values = new ArrayList<>();
                for (AssignmentContext assignment : set.assignment()) {
                    assigned.add(qualifiedName(assignment.qualifiedName()).name());
                    values.add(expressionOrDefault(assignment.expressionOrDefault()));
                }
                columns = assigned;
                source = new Query.Values(List.of(values), List.of(), null, null);
            }
            case QuerySourceContext query -> source = query(query.query());
            default -> throw new IllegalStateException("unhandled insert source");
        }
        return new DataChange.Insert(List.of(), table, null, columns, source, null, List.of());
    }

    /**
     * ON DUPLICATE KEY UPDATE is ON CONFLICT DO UPDATE without a target (the row holding any unique
     * key, primary key first). VALUES(col) and the row alias's columns are the proposed row
     * ({@code excluded.col}); other unqualified columns are the existing row's. Without the client's
     * CLIENT_FOUND_ROWS a row the assignments would leave as it is is not written and not counted,
     * as MySQL counts changed rows only.
     */
    private DataChange.OnConflict onDuplicateKeyUpdate(OnDuplicateKeyUpdateContext ctx, QualifiedName table,
                                                       List<String> columns, RowAliasContext alias) {
        duplicateKey = DuplicateKeyNames.of(table.name(), alias == null ? null : name(alias.identifier()),
                alias == null ? List.of() : columnList(alias.columnList()), columns);
        try {
            List<DataChange.Assignment> assignments = new ArrayList<>();
            Expr changed = null;
            boolean comparable = !facts.foundRows();
            for (AssignmentContext assignment : ctx.assignment()) {
                String column = qualifiedName(assignment.qualifiedName()).name();
                Expr value = expressionOrDefault(assignment.expressionOrDefault());
                assignments.add(new DataChange.Assignment(column, value));
                comparable &= !(value instanceof Expr.DefaultValue);
                if (comparable) {
                    Expr differs = new Expr.IsDistinctFrom(new Expr.ColumnRef(QualifiedName.of(table.name(), column), 0),
                            value, false, 0);
                    changed = changed == null ? differs : new Expr.Binary(BinaryOperator.OR, changed, differs, 0);
                }
            }
            return new DataChange.OnConflict(List.of(), null, false, assignments, comparable ? changed : null);
        } finally {
            duplicateKey = null;
        }
    }

    /**
     * How names read inside ON DUPLICATE KEY UPDATE: {@code table} names the existing row,
     * {@code rowAlias} (or null) the proposed one, whose columns {@code aliasColumns} may rename.
     */
    private record DuplicateKeyNames(String table, String rowAlias, Map<String, String> aliasColumns) {
        static DuplicateKeyNames of(String table, String rowAlias, List<String> aliasNames, List<String> insertColumns) {
            Map<String, String> renamed = new HashMap<>();
            if (!aliasNames.isEmpty()) {
                if (aliasNames.size() != insertColumns.size()) {
                    throw new MysqlException(MysqlVendorError.ER_WRONG_VALUE_COUNT_ON_ROW,
                            "Column count doesn't match value count at row 1");
                }
                for (int i = 0; i < aliasNames.size(); i++) {
                    renamed.put(aliasNames.get(i), insertColumns.get(i));
                }
            }
            return new DuplicateKeyNames(table, rowAlias, renamed);
        }

        Expr resolve(QualifiedName name, int position) {
            List<String> parts = name.parts();
            if (parts.size() == 1) {
                String renamed = aliasColumns.get(parts.getFirst());
                return renamed != null ? proposed(renamed, position)
                        : new Expr.ColumnRef(QualifiedName.of(table, parts.getFirst()), position);
            }
            if (parts.size() == 2 && parts.getFirst().equals(rowAlias)) {
                return proposed(aliasColumns.getOrDefault(parts.get(1), parts.get(1)), position);
            }
            return new Expr.ColumnRef(name, position);
        }

        static Expr proposed(String column, int position) {
            return new Expr.ColumnRef(QualifiedName.of(PROPOSED_ROW, column), position);
        }
    }

    private Statement update(UpdateStatementContext ctx) {
        if (ctx.IGNORE() != null) {
            throw unsupported("UPDATE IGNORE", ctx);
        }
        List<DataChange.Assignment> assignments = new ArrayList<>();
        for (AssignmentContext assignment : ctx.assignment()) {
            assignments.add(new DataChange.Assignment(qualifiedName(assignment.qualifiedName()).name(),
                    expressionOrDefault(assignment.expressionOrDefault())));
        }
        return new DataChange.Update(List.of(), qualifiedName(ctx.qualifiedName()),
                ctx.identifier() == null ? null : name(ctx.identifier()), assignments, List.of(),
                ctx.expression() == null ? null : condition(ctx.expression()), List.of(),
                ctx.orderByClause() == null ? List.of() : orderBy(ctx.orderByClause()), rowLimit(ctx.limitClause()));
    }

    /**
     * {@code DELETE t FROM t [JOIN u ON ...] WHERE ...} (ORMs write {@code DELETE p1_0 FROM purchase p1_0 ...}):
     * one target, named by its alias or table name, read out of inner joins and comma lists; the
     * other tables become DELETE ... USING and the join conditions part of WHERE.
     */
    private Statement delete(MultiTableDeleteContext ctx) {
        if (ctx.IGNORE() != null) {
            throw unsupported("DELETE IGNORE", ctx);
        }
        if (ctx.targets.size() != 1) {
            throw unsupported("DELETE from several tables at once", ctx);
        }
        QualifiedName target = qualifiedName(ctx.targets.getFirst().qualifiedName());
        List<FromItem.TableRef> tables = new ArrayList<>();
        List<FromItem> others = new ArrayList<>();
        List<Expr> conditions = new ArrayList<>();
        for (FromItemContext item : ctx.fromItem()) {
            flattenInnerJoins(fromItem(item), tables, others, conditions, ctx);
        }
        FromItem.TableRef deleted = null;
        for (FromItem.TableRef table : tables) {
            String name = table.alias() != null ? table.alias() : table.name().name();
            if (target.parts().size() == 1 && name.equals(target.name()) || table.alias() == null && table.name().equals(target)) {
                deleted = table;
            } else {
                others.add(table);
            }
        }
        if (deleted == null) {
            throw new MysqlException(MysqlVendorError.ER_UNKNOWN_TABLE, "Unknown table '" + target.name() + "' in MULTI DELETE");
        }
        if (ctx.expression() != null) {
            conditions.add(condition(ctx.expression()));
        }
        Expr where = conditions.stream().reduce((a, b) -> new Expr.Binary(BinaryOperator.AND, a, b, a.position())).orElse(null);
        return new DataChange.Delete(List.of(), deleted.name(), deleted.alias(), others, where, List.of());
    }

    private void flattenInnerJoins(FromItem item, List<FromItem.TableRef> tables, List<FromItem> others, List<Expr> conditions,
                                   ParserRuleContext ctx) {
        switch (item) {
            case FromItem.TableRef table -> tables.add(table);
            case FromItem.Join join when (join.type() == FromItem.JoinType.INNER || join.type() == FromItem.JoinType.CROSS)
                    && join.using().isEmpty() && !join.natural() -> {
                flattenInnerJoins(join.left(), tables, others, conditions, ctx);
                flattenInnerJoins(join.right(), tables, others, conditions, ctx);
                if (join.condition() != null) {
                    conditions.add(join.condition());
                }
            }
            case FromItem.Join join -> throw unsupported("multiple-table DELETE over an outer join or USING", ctx);
            default -> others.add(item);
        }
    }

    private Statement delete(SingleTableDeleteContext ctx) {
        if (ctx.IGNORE() != null) {
            throw unsupported("DELETE IGNORE", ctx);
        }
        return new DataChange.Delete(List.of(), qualifiedName(ctx.qualifiedName()),
                ctx.identifier() == null ? null : name(ctx.identifier()), List.of(),
                ctx.expression() == null ? null : condition(ctx.expression()), List.of(),
                ctx.orderByClause() == null ? List.of() : orderBy(ctx.orderByClause()), rowLimit(ctx.limitClause()));
    }

    /** UPDATE and DELETE take {@code LIMIT row_count} only: MySQL has no offset there. */
    private Expr rowLimit(LimitClauseContext ctx) {
        if (ctx == null) {
            return null;
        }
        if (ctx.second != null || ctx.offset != null) {
            throw new SqlException(ErrorCode.SYNTAX_ERROR, "You have an error in your SQL syntax; UPDATE and DELETE take"
                    + " LIMIT row_count only", position(ctx));
        }
        return limitValue(ctx.first);
    }

    private Expr expressionOrDefault(ExpressionOrDefaultContext ctx) {
        return ctx.DEFAULT() != null ? new Expr.DefaultValue(position(ctx)) : expression(ctx.expression());
    }

    private static List<String> columnList(ColumnListContext ctx) {
        return ctx == null ? List.of() : ctx.identifier().stream().map(MysqlAstBuilder::name).toList();
    }

    // ---------------------------------------------------------------------------------------- schema change

    private List<MysqlCommand> createTable(CreateTableContext ctx) {
        return switch (ctx) {
            case CreateTableWithColumnsContext create -> {
                boolean temporary = create.TEMPORARY() != null;
                QualifiedName table = temporaryName(qualifiedName(create.qualifiedName()), temporary);
                List<ColumnDefinition> columns = new ArrayList<>();
                List<TableConstraint> constraints = new ArrayList<>();
                List<MysqlCommand> indexes = new ArrayList<>();
                for (TableElementContext element : create.tableElement()) {
                    switch (element) {
                        case ColumnElementContext column -> columns.add(columnDefinition(column.columnDefinition(), constraints));
                        case ConstraintElementContext constraint -> constraints.add(tableConstraint(constraint.tableConstraint()));
                        case IndexElementContext index -> indexes.addAll(engine(createIndex(
                                index.identifier() == null ? null : name(index.identifier()), table, false, index.indexColumns())));
                        default -> throw new IllegalStateException("unhandled table element");
                    }
                }
                List<MysqlCommand> commands = new ArrayList<>(engine(new SchemaChange.CreateTable(table, create.EXISTS() != null,
                        columns, constraints, null, temporary)));
                commands.addAll(indexes);
                commands.addAll(newTableOptions(table, create.tableOptions()));
                for (TableElementContext element : create.tableElement()) {
                    if (element instanceof ColumnElementContext column) {
                        commands.addAll(columnComment(table, column.columnDefinition()));
                    }
                }
                // IF NOT EXISTS over an existing table changes nothing, its indexes and comments included.
                yield create.EXISTS() != null && commands.size() > 1
                        ? List.of(new MysqlCommand.UnlessTableExists(table, commands)) : commands;
            }
            case CreateTableAsContext create -> {
                boolean temporary = create.TEMPORARY() != null;
                QualifiedName table = temporaryName(qualifiedName(create.qualifiedName()), temporary);
                List<MysqlCommand> commands = new ArrayList<>(engine(new SchemaChange.CreateTable(table,
                        create.EXISTS() != null, List.of(), List.of(), query(create.query()), temporary)));
                commands.addAll(newTableOptions(table, create.tableOptions()));
                yield commands;
            }
            case CreateTableLikeContext like -> List.of(new MysqlCommand.CreateTableLike(
                    temporaryName(qualifiedName(like.qualifiedName(0)), like.TEMPORARY() != null),
                    qualifiedName(like.qualifiedName(1)), like.EXISTS() != null, like.TEMPORARY() != null));
            default -> throw new IllegalStateException("unhandled CREATE TABLE");
        };
    }

    /**
     * A temporary table lives in the session's temporary schema whatever database the name gives:
     * its statements name it unqualified, which finds it first.
     */
    private static QualifiedName temporaryName(QualifiedName name, boolean temporary) {
        return temporary ? QualifiedName.of(name.name()) : name;
    }

    /** Table options are accepted as MySQL documents them; only AUTO_INCREMENT=n changes something. */
    private static List<MysqlCommand> tableOptions(QualifiedName table, TableOptionsContext ctx) {
        List<MysqlCommand> commands = new ArrayList<>();
        if (ctx != null) {
            for (TableOptionContext option : ctx.tableOption()) {
                commands.addAll(tableOption(table, option));
            }
        }
        return commands;
    }

    /** A new table's counter starts at 1 anyway: only AUTO_INCREMENT=n above that needs setting. */
    private static List<MysqlCommand> newTableOptions(QualifiedName table, TableOptionsContext ctx) {
        return tableOptions(table, ctx).stream().filter(command -> !(command instanceof MysqlCommand.SetAutoIncrement set)
                || set.next() > 1).toList();
    }

    private static List<MysqlCommand> tableOption(QualifiedName table, TableOptionContext option) {
        if (option instanceof AutoIncrementOptionContext autoIncrement) {
            return List.of(new MysqlCommand.SetAutoIncrement(table,
                    new BigInteger(autoIncrement.INTEGER_LITERAL().getText()).longValueExact()));
        }
        if (option instanceof CommentOptionContext comment) {
            return engine(new SchemaChange.Comment(SchemaChange.CommentTarget.TABLE, table,
                    emptyAsNull(stringValue(comment.STRING().getSymbol()))));
        }
        return List.of();
    }

    /** A column's COMMENT '...' attribute as the COMMENT ON COLUMN it amounts to (none without one). */
    private static List<MysqlCommand> columnComment(QualifiedName table, ColumnDefinitionContext column) {
        for (ColumnAttributeContext attribute : column.columnAttribute()) {
            if (attribute instanceof CommentAttributeContext comment) {
                List<String> parts = new ArrayList<>(table.parts());
                parts.add(name(column.identifier()));
                return engine(new SchemaChange.Comment(SchemaChange.CommentTarget.COLUMN, new QualifiedName(parts),
                        emptyAsNull(stringValue(comment.STRING().getSymbol()))));
            }
        }
        return List.of();
    }

    private static String emptyAsNull(String text) {
        return text.isEmpty() ? null : text;
    }

    /**
     * A column. AUTO_INCREMENT becomes an owned sequence; UNSIGNED widens the type one step and adds
     * CHECK (column &gt;= 0); TINYINT(1) and BOOLEAN are TINYINT, as in MySQL; ENUM is a VARCHAR with a CHECK.
     */
    private ColumnDefinition columnDefinition(ColumnDefinitionContext ctx, List<TableConstraint> tableConstraints) {
        String name = name(ctx.identifier());
        ColumnType columnType = dataType(ctx.dataType(), name);
        List<ColumnConstraint> constraints = new ArrayList<>(columnType.constraints());
        Expr defaultValue = null;
        Expr onUpdate = null;
        boolean autoIncrement = columnType.serial();
        for (ColumnAttributeContext attribute : ctx.columnAttribute()) {
            switch (attribute) {
                case NotNullAttributeContext notNull -> constraints.add(new ColumnConstraint.NotNull(null));
                case NullAttributeContext nullable -> constraints.add(new ColumnConstraint.Null(null));
                case DefaultAttributeContext value -> defaultValue = defaultValue(value.defaultValue());
                case OnUpdateAttributeContext update -> onUpdate = onUpdate(update);
                case AutoIncrementAttributeContext increment -> autoIncrement = true;
                case PrimaryKeyAttributeContext key -> constraints.add(new ColumnConstraint.PrimaryKey(null));
                case UniqueAttributeContext unique -> constraints.add(new ColumnConstraint.Unique(null));
                case CommentAttributeContext comment -> { }
                case CollateAttributeContext collate -> { }
                case CharsetAttributeContext charset -> { }
                case CheckAttributeContext check -> constraints.add(new ColumnConstraint.Check(
                        check.identifier() == null ? null : name(check.identifier()), expression(check.expression()),
                        source.text(check.expression().getStart(), check.expression().getStop())));
                case ReferencesAttributeContext references -> {
                    ReferentialAction[] actions = referentialActions(references.referentialAction());
                    constraints.add(new ColumnConstraint.References(null, qualifiedName(references.qualifiedName()),
                            columnList(references.columnList()), actions[0], actions[1]));
                }
                default -> throw new IllegalStateException("unhandled column attribute");
            }
        }
        if (autoIncrement && !columnType.type().kind().isInteger()) {
            throw new SqlException(ErrorCode.INVALID_TABLE_DEFINITION, "Incorrect column specifier for column '" + name + "'",
                    position(ctx));
        }
        return new ColumnDefinition(name, columnType.type(), defaultValue, autoIncrement, ColumnDefinition.Identity.NONE,
                constraints, position(ctx), columnType.declared(), onUpdate);
    }

    /** ON UPDATE CURRENT_TIMESTAMP (or NOW(), LOCALTIMESTAMP...): the time of the statement that changes the row. */
    private Expr onUpdate(OnUpdateAttributeContext ctx) {
        String word = ctx.getChild(2).getText().toLowerCase(Locale.ROOT);
        if (!List.of("current_timestamp", "now", "localtimestamp", "localtime").contains(word)) {
            throw unsupported("ON UPDATE " + ctx.getChild(2).getText(), ctx);
        }
        return new Expr.SpecialValue(Expr.SpecialValueKind.LOCALTIMESTAMP, position(ctx));
    }

    /** The type as written, lower case, its length kept: {@code varbinary(255)}. */
    private String spelling(ParserRuleContext type) {
        return source.text(type.getStart(), type.getStop()).toLowerCase(Locale.ROOT).replace(" ", "");
    }

    private Expr defaultValue(DefaultValueContext ctx) {
        if (ctx.signedLiteral() != null) {
            Expr literal = literal(ctx.signedLiteral().literal());
            return ctx.signedLiteral().MINUS() != null ? new Expr.Unary(UnaryOperator.MINUS, literal, position(ctx)) : literal;
        }
        if (ctx.expression() != null) {
            return expression(ctx.expression());
        }
        String word = ctx.getStart().getText().toLowerCase(Locale.ROOT);
        return switch (word) {
            case "current_timestamp", "now", "localtimestamp", "localtime" ->
                    new Expr.SpecialValue(Expr.SpecialValueKind.LOCALTIMESTAMP, position(ctx));
            default -> throw unsupported("DEFAULT " + ctx.getText(), ctx);
        };
    }

    private TableConstraint tableConstraint(TableConstraintContext ctx) {
        return switch (ctx) {
            case PrimaryKeyConstraintContext primary -> new TableConstraint.PrimaryKey(null, indexColumnNames(primary.indexColumns()));
            case UniqueConstraintContext unique -> new TableConstraint.Unique(
                    unique.name != null ? name(unique.name) : unique.indexName != null ? name(unique.indexName) : null,
                    indexColumnNames(unique.indexColumns()));
            case ForeignKeyConstraintContext foreign -> {
                ReferentialAction[] actions = referentialActions(foreign.referentialAction());
                yield new TableConstraint.ForeignKey(foreign.name != null ? name(foreign.name)
                        : foreign.indexName != null ? name(foreign.indexName) : null, columnList(foreign.columnList(0)),
                        qualifiedName(foreign.qualifiedName()), columnList(foreign.columnList(1)), actions[0], actions[1]);
            }
            case CheckConstraintContext check -> new TableConstraint.Check(check.name == null ? null : name(check.name),
                    expression(check.expression()), source.text(check.expression().getStart(), check.expression().getStop()));
            default -> throw new IllegalStateException("unhandled constraint");
        };
    }

    /** The columns of a PRIMARY KEY or UNIQUE key: unique over a column prefix is not something the engine can keep. */
    private List<String> indexColumnNames(IndexColumnsContext ctx) {
        for (IndexColumnContext column : ctx.indexColumn()) {
            if (column.INTEGER_LITERAL() != null) {
                throw unsupported("unique keys over a column prefix", column);
            }
        }
        return ctx.indexColumn().stream().map(column -> name(column.identifier())).toList();
    }

    /** {on delete, on update}; MySQL's default is RESTRICT, which behaves as NO ACTION with InnoDB. */
    private static ReferentialAction[] referentialActions(List<ReferentialActionContext> actions) {
        ReferentialAction[] result = {ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION};
        for (ReferentialActionContext action : actions) {
            ReferentialAction value;
            if (action.CASCADE() != null) {
                value = ReferentialAction.CASCADE;
            } else if (action.RESTRICT() != null) {
                value = ReferentialAction.RESTRICT;
            } else if (action.NULL() != null) {
                value = ReferentialAction.SET_NULL;
            } else if (action.DEFAULT() != null) {
                value = ReferentialAction.SET_DEFAULT;
            } else {
                value = ReferentialAction.NO_ACTION;
            }
            result[action.event.getType() == MysqlSqlLexer.DELETE ? 0 : 1] = value;
        }
        return result;
    }

    private Statement createIndex(String name, QualifiedName table, boolean unique, IndexColumnsContext columns) {
        List<SchemaChange.IndexColumn> indexColumns = new ArrayList<>();
        for (IndexColumnContext column : columns.indexColumn()) {
            // KEY (title(191)): MySQL indexes the first 191 characters. The whole column answers the
            // same lookups; uniqueness over a prefix is another matter, and is refused.
            if (column.INTEGER_LITERAL() != null && unique) {
                throw unsupported("unique keys over a column prefix", column);
            }
            indexColumns.add(new SchemaChange.IndexColumn(name(column.identifier()),
                    column.direction != null && column.direction.getType() == MysqlSqlLexer.DESC));
        }
        return new SchemaChange.CreateIndex(name, table, unique, false, indexColumns);
    }

    /** MySQL index names belong to their table (the session keeps them so: weftdb.index_names = table). */
    private static Statement dropIndex(QualifiedName table, String index) {
        return new SchemaChange.DropIndex(List.of(QualifiedName.of(index)), false, false, table);
    }

    private List<MysqlCommand> alterTable(AlterTableContext ctx) {
        QualifiedName table = qualifiedName(ctx.qualifiedName());
        List<SchemaChange.AlterAction> actions = new ArrayList<>();
        List<MysqlCommand> after = new ArrayList<>();
        for (AlterActionContext action : ctx.alterAction()) {
            switch (action) {
                case AddColumnContext add -> {
                    actions.add(addColumn(add.columnDefinition()));
                    move(name(add.columnDefinition().identifier()), add.position(), actions);
                    after.addAll(columnComment(table, add.columnDefinition()));
                }
                case AddColumnsContext add -> add.columnDefinition().forEach(column -> {
                    actions.add(addColumn(column));
                    after.addAll(columnComment(table, column));
                });
                case AddConstraintContext add -> actions.add(new SchemaChange.AlterAction.AddConstraint(
                        tableConstraint(add.tableConstraint())));
                case AddIndexContext add -> after.addAll(engine(createIndex(add.identifier() == null ? null
                        : name(add.identifier()), table, false, add.indexColumns())));
                case DropColumnContext drop -> actions.add(new SchemaChange.AlterAction.DropColumn(name(drop.identifier()),
                        false, false));
                case DropIndexActionContext drop -> after.addAll(engine(dropIndex(table, name(drop.identifier()))));
                case DropForeignKeyContext drop -> actions.add(new SchemaChange.AlterAction.DropConstraint(
                        name(drop.identifier()), false));
                case DropConstraintContext drop -> actions.add(new SchemaChange.AlterAction.DropConstraint(
                        name(drop.identifier()), false));
                case DropPrimaryKeyContext drop -> actions.add(new SchemaChange.AlterAction.DropPrimaryKey());
                case RenameToContext rename -> actions.add(new SchemaChange.AlterAction.RenameTable(
                        qualifiedName(rename.qualifiedName()).name()));
                case RenameColumnContext rename -> actions.add(new SchemaChange.AlterAction.RenameColumn(name(rename.from),
                        name(rename.to)));
                case ModifyColumnContext modify -> {
                    String column = name(modify.columnDefinition().identifier());
                    modifyColumn(column, modify.columnDefinition(), actions);
                    move(column, modify.position(), actions);
                    after.addAll(columnComment(table, modify.columnDefinition()));
                }
                case ChangeColumnContext change -> {
                    String from = name(change.identifier());
                    String to = name(change.columnDefinition().identifier());
                    modifyColumn(from, change.columnDefinition(), actions);
                    if (!from.equals(to)) {
                        actions.add(new SchemaChange.AlterAction.RenameColumn(from, to));
                    }
                    move(to, change.position(), actions);
                    after.addAll(columnComment(table, change.columnDefinition()));
                }
                case SetDefaultContext set -> actions.add(new SchemaChange.AlterAction.SetDefault(name(set.identifier()),
                        defaultValue(set.defaultValue())));
                case DropDefaultContext drop -> actions.add(new SchemaChange.AlterAction.DropDefault(name(drop.identifier())));
                case AlterTableOptionContext option -> after.addAll(tableOption(table, option.tableOption()));
                // Index maintenance is never deferred here; mysqldump brackets its INSERTs with these.
                case ToggleKeysContext keys -> { }
                default -> throw new IllegalStateException("unhandled ALTER TABLE action");
            }
        }
        List<MysqlCommand> commands = new ArrayList<>();
        if (!actions.isEmpty()) {
            commands.addAll(engine(new SchemaChange.AlterTable(table, false, actions)));
        }
        commands.addAll(after);
        if (commands.isEmpty()) {
            commands.add(new MysqlCommand.NoChange(table));
        }
        return commands;
    }

    private SchemaChange.AlterAction addColumn(ColumnDefinitionContext ctx) {
        List<TableConstraint> unused = new ArrayList<>();
        return new SchemaChange.AlterAction.AddColumn(columnDefinition(ctx, unused), false);
    }

    /** FIRST / AFTER column: where the column goes in the table's column order. */
    private static void move(String column, PositionContext position, List<SchemaChange.AlterAction> actions) {
        if (position != null) {
            actions.add(new SchemaChange.AlterAction.MoveColumn(column, position.FIRST() != null ? null
                    : name(position.identifier())));
        }
    }

    /** MODIFY/CHANGE restate the whole column: its type, nullability and default. */
    private void modifyColumn(String column, ColumnDefinitionContext ctx, List<SchemaChange.AlterAction> actions) {
        ColumnDefinition definition = columnDefinition(ctx, new ArrayList<>());
        if (definition.serial()) {
            throw unsupported("adding AUTO_INCREMENT with MODIFY/CHANGE", ctx);
        }
        actions.add(new SchemaChange.AlterAction.AlterColumnType(column, definition.type(), definition.declaredType()));
        actions.add(new SchemaChange.AlterAction.SetOnUpdate(column, definition.onUpdate()));
        boolean notNull = definition.constraints().stream().anyMatch(c -> c instanceof ColumnConstraint.NotNull
                || c instanceof ColumnConstraint.PrimaryKey);
        actions.add(notNull ? new SchemaChange.AlterAction.SetNotNull(column) : new SchemaChange.AlterAction.DropNotNull(column));
        actions.add(definition.defaultValue() != null ? new SchemaChange.AlterAction.SetDefault(column, definition.defaultValue())
                : new SchemaChange.AlterAction.DropDefault(column));
    }

    // ---------------------------------------------------------------------------------------- types

    /** A column type as the engine stores it, with the constraints and sequence MySQL's spelling implies. */
    private record ColumnType(DataType type, List<ColumnConstraint> constraints, boolean serial, String declared) {
        ColumnType(DataType type, List<ColumnConstraint> constraints, boolean serial) {
            this(type, constraints, serial, null);
        }

        static ColumnType of(DataType type) {
            return new ColumnType(type, List.of(), false);
        }

        /** A type stored as {@code type} that SHOW COLUMNS and SHOW CREATE TABLE spell {@code declared}. */
        static ColumnType spelled(DataType type, String declared) {
            return new ColumnType(type, List.of(), false, declared);
        }
    }

    private ColumnType dataType(DataTypeContext ctx, String column) {
        return switch (ctx) {
            case IntegerTypeContext integer -> {
                boolean unsigned = integer.numericModifier().stream().anyMatch(m -> m.UNSIGNED() != null);
                DataType type = switch (integer.name.getType()) {
                    case MysqlSqlLexer.TINYINT -> DataType.SMALLINT;
                    case MysqlSqlLexer.SMALLINT -> unsigned ? DataType.INTEGER : DataType.SMALLINT;
                    case MysqlSqlLexer.MEDIUMINT -> DataType.INTEGER;
                    case MysqlSqlLexer.INT, MysqlSqlLexer.INTEGER -> unsigned ? DataType.BIGINT : DataType.INTEGER;
                    default -> unsigned ? DataType.numeric(20, 0) : DataType.BIGINT;
                };
                String spelled = integer.name.getText().toLowerCase(Locale.ROOT);
                if (spelled.equals("integer")) {
                    spelled = "int";
                }
                if (integer.name.getType() == MysqlSqlLexer.TINYINT && integer.width != null
                        && integer.width.getText().equals("1") && !unsigned) {
                    spelled = "tinyint(1)";
                }
                if (!unsigned) {
                    yield integer.name.getType() == MysqlSqlLexer.TINYINT || integer.name.getType() == MysqlSqlLexer.MEDIUMINT
                            ? ColumnType.spelled(type, spelled) : ColumnType.of(type);
                }
                List<ColumnConstraint> constraints = new ArrayList<>();
                constraints.add(new ColumnConstraint.Check(null, new Expr.Binary(BinaryOperator.GREATER_EQUAL,
                        new Expr.ColumnRef(QualifiedName.of(column), 0), new Expr.Literal(0L, DataType.INTEGER, 0), 0),
                        column + " >= 0"));
                if (integer.name.getType() == MysqlSqlLexer.TINYINT) {
                    constraints.add(new ColumnConstraint.Check(null, new Expr.Binary(BinaryOperator.LESS_EQUAL,
                            new Expr.ColumnRef(QualifiedName.of(column), 0), new Expr.Literal(255L, DataType.INTEGER, 0), 0),
                            column + " <= 255"));
                }
                yield new ColumnType(type, constraints, false, spelled + " unsigned");
            }
            case BooleanTypeContext bool -> ColumnType.spelled(DataType.SMALLINT, "tinyint(1)");
            case SerialTypeContext serial -> new ColumnType(DataType.numeric(20, 0), List.of(new ColumnConstraint.NotNull(null),
                    new ColumnConstraint.Unique(null)), true);
            case BitTypeContext bit -> throw unsupported("BIT columns", bit);
            case DecimalTypeContext decimal -> ColumnType.of(decimal.precision == null ? DataType.numeric(10, 0)
                    : DataType.numeric(Integer.parseInt(decimal.precision.getText()),
                    decimal.scale == null ? 0 : Integer.parseInt(decimal.scale.getText())));
            case FloatTypeContext floating -> {
                boolean single = floating.name.getType() == MysqlSqlLexer.FLOAT
                        && (floating.precision == null || Integer.parseInt(floating.precision.getText()) <= 24);
                yield ColumnType.of(single && floating.scale == null ? DataType.REAL : DataType.DOUBLE);
            }
            case CharTypeContext character -> {
                int length = character.length == null ? 1 : Integer.parseInt(character.length.getText());
                if (character.varying != null) {
                    if (!character.varying.getText().equalsIgnoreCase("varying") || character.length == null) {
                        throw syntaxError(character.varying);
                    }
                    yield ColumnType.of(DataType.varchar(length));
                }
                yield ColumnType.of(DataType.character(length));
            }
            case VarcharTypeContext varchar -> ColumnType.of(DataType.varchar(Integer.parseInt(varchar.length.getText())));
            case BinaryTypeContext binary -> ColumnType.spelled(DataType.BYTEA, binary.length == null ? "binary(1)" : spelling(binary));
            case VarbinaryTypeContext varbinary -> ColumnType.spelled(DataType.BYTEA, spelling(varbinary));
            case TextTypeContext text -> ColumnType.spelled(DataType.TEXT, text.getStart().getText().toLowerCase(Locale.ROOT));
            case BlobTypeContext blob -> ColumnType.spelled(DataType.BYTEA, blob.getStart().getText().toLowerCase(Locale.ROOT));
            case DateTypeContext date -> ColumnType.of(DataType.DATE);
            case DatetimeTypeContext datetime -> ColumnType.of(DataType.TIMESTAMP);
            case TimestampTypeContext timestamp -> ColumnType.of(DataType.TIMESTAMPTZ);
            case TimeTypeContext time -> ColumnType.of(DataType.TIME);
            case YearTypeContext year -> ColumnType.spelled(DataType.SMALLINT, "year");
            case JsonTypeContext json -> ColumnType.of(DataType.JSON);
            case EnumTypeContext enumeration -> {
                List<Expr> values = new ArrayList<>();
                int longest = 1;
                for (TerminalNode value : enumeration.STRING()) {
                    String text = stringValue(value.getSymbol());
                    longest = Math.max(longest, text.length());
                    values.add(new Expr.Literal(text, DataType.UNKNOWN, 0));
                }
                Expr check = new Expr.InList(new Expr.ColumnRef(QualifiedName.of(column), 0), values, false, 0);
                yield new ColumnType(DataType.varchar(longest), List.of(new ColumnConstraint.Check(null, check,
                        source.text(enumeration.getStart(), enumeration.getStop()))), false);
            }
            case SetTypeContext set -> {
                // A SET holds any subset of its members, written comma-separated: a VARCHAR long
                // enough for all of them, with a CHECK that every element is a member.
                List<Expr> members = new ArrayList<>();
                int length = 0;
                for (TerminalNode value : set.STRING()) {
                    String text = stringValue(value.getSymbol());
                    if (text.contains(",")) {
                        throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE,
                                "Illegal set '" + text + "' value found during parsing");
                    }
                    length += text.length() + 1;
                    members.add(new Expr.Literal(text, DataType.UNKNOWN, 0));
                }
                Expr elements = Expr.FunctionCall.of("string_to_array", List.of(new Expr.ColumnRef(QualifiedName.of(column), 0),
                        new Expr.Literal(",", DataType.UNKNOWN, 0)), 0);
                Expr check = new Expr.Binary(BinaryOperator.CONTAINED_BY, elements,
                        new Expr.Cast(new Expr.ArrayConstructor(members, 0), DataType.arrayOf(DataType.TEXT), 0), 0);
                yield new ColumnType(DataType.varchar(Math.max(length - 1, 1)), List.of(new ColumnConstraint.Check(null, check,
                        source.text(set.getStart(), set.getStop()))), false);
            }
            default -> throw new IllegalStateException("unhandled data type");
        };
    }

    private DataType castType(CastTypeContext ctx) {
        return switch (ctx) {
            case CastBinaryContext binary -> DataType.BYTEA;
            case CastCharContext character -> DataType.TEXT;
            case CastDateContext date -> DataType.DATE;
            case CastDatetimeContext datetime -> DataType.TIMESTAMP;
            case CastTimeContext time -> DataType.TIME;
            case CastDecimalContext decimal -> decimal.precision == null ? DataType.numeric(10, 0)
                    : DataType.numeric(Integer.parseInt(decimal.precision.getText()),
                    decimal.scale == null ? 0 : Integer.parseInt(decimal.scale.getText()));
            case CastSignedContext signed -> DataType.BIGINT;
            case CastUnsignedContext unsigned -> DataType.numeric(20, 0);
            case CastJsonContext json -> DataType.JSON;
            case CastDoubleContext doubles -> DataType.DOUBLE;
            case CastFloatContext floats -> DataType.REAL;
            default -> throw new IllegalStateException("unhandled cast type");
        };
    }

    // ---------------------------------------------------------------------------------------- transactions, SET, SHOW

    private Statement transaction(TransactionStatementContext ctx) {
        return switch (ctx) {
            case BeginContext begin -> new TransactionControl.Begin(null, null);
            case StartTransactionContext start -> {
                Boolean readOnly = null;
                for (TransactionModeContext mode : start.transactionMode()) {
                    if (mode.READ() != null) {
                        readOnly = mode.ONLY() != null;
                    }
                }
                yield new TransactionControl.Begin(null, readOnly);
            }
            case CommitContext commit -> {
                rejectRelease(commit.RELEASE(), commit.NO(), commit);
                yield new TransactionControl.Commit(commit.CHAIN() != null && !chainNegated(commit.NO(), commit.CHAIN()));
            }
            case RollbackContext rollback -> {
                rejectRelease(rollback.RELEASE(), rollback.NO(), rollback);
                yield new TransactionControl.Rollback(rollback.CHAIN() != null && !chainNegated(rollback.NO(), rollback.CHAIN()));
            }
            case RollbackToSavepointContext rollback -> new TransactionControl.RollbackToSavepoint(name(rollback.identifier()));
            case SavepointContext savepoint -> new TransactionControl.Savepoint(name(savepoint.identifier()));
            case ReleaseSavepointContext release -> new TransactionControl.ReleaseSavepoint(name(release.identifier()));
            default -> throw new IllegalStateException("unhandled transaction statement");
        };
    }

    private static boolean chainNegated(List<TerminalNode> no, TerminalNode chain) {
        return no.stream().anyMatch(n -> n.getSymbol().getTokenIndex() < chain.getSymbol().getTokenIndex());
    }

    private void rejectRelease(TerminalNode release, List<TerminalNode> no, ParserRuleContext ctx) {
        if (release != null && no.stream().noneMatch(n -> n.getSymbol().getTokenIndex() == release.getSymbol().getTokenIndex() - 1)) {
            throw unsupported("COMMIT/ROLLBACK ... RELEASE", ctx);
        }
    }

    private MysqlCommand set(SetStatementContext ctx) {
        return switch (ctx) {
            case SetTransactionContext set -> {
                TransactionControl.IsolationLevel isolation = null;
                Boolean readOnly = null;
                for (TransactionCharacteristicContext characteristic : set.transactionCharacteristic()) {
                    if (characteristic.isolationLevel() != null) {
                        isolation = isolationLevel(characteristic.isolationLevel());
                    } else {
                        readOnly = characteristic.ONLY() != null;
                    }
                }
                if (set.scope != null && set.scope.getType() == MysqlSqlLexer.GLOBAL) {
                    throw unsupported("SET GLOBAL TRANSACTION", set);
                }
                yield new MysqlCommand.EngineStatement(new TransactionControl.SetTransaction(isolation, readOnly,
                        set.scope != null));
            }
            case SetNamesContext names -> new MysqlCommand.SetNames(optionWord(names.optionWord(0)),
                    names.optionWord().size() > 1 ? optionWord(names.optionWord(1)) : null);
            case SetCharsetContext charset -> new MysqlCommand.SetNames(optionWord(charset.optionWord()), null);
            case SetVariablesContext variables -> {
                List<MysqlCommand.VariableAssignment> assignments = new ArrayList<>();
                for (VariableAssignmentContext assignment : variables.variableAssignment()) {
                    assignments.add(assignment(assignment));
                }
                yield new MysqlCommand.SetVariables(assignments);
            }
            default -> throw new IllegalStateException("unhandled SET");
        };
    }

    private MysqlCommand.VariableAssignment assignment(VariableAssignmentContext ctx) {
        return switch (ctx) {
            case SystemAssignmentContext system -> {
                String name = system.variableName().identifier().stream().map(MysqlAstBuilder::name)
                        .reduce((a, b) -> a + "." + b).orElseThrow();
                boolean global = system.scope != null && system.scope.getType() == MysqlSqlLexer.GLOBAL;
                yield new MysqlCommand.Assignment(name, global, setValue(system.setValue()));
            }
            case SystemVariableAssignmentContext system -> {
                VariableName name = VariableName.parse(system.SYSTEM_VARIABLE().getText());
                yield new MysqlCommand.Assignment(name.name(), name.global(), setValue(system.setValue()));
            }
            case NamesAssignmentContext names -> new MysqlCommand.NamesAssignment(optionWord(names.optionWord(0)),
                    names.optionWord().size() > 1 ? optionWord(names.optionWord(1)) : null);
            case UserVariableAssignmentContext user -> new MysqlCommand.UserAssignment(
                    userVariableName(user.USER_VARIABLE().getSymbol()), expression(user.expression()));
            default -> throw new IllegalStateException("unhandled assignment");
        };
    }

    /** A SET value: ON and bare words are names (kept as column references), DEFAULT is null. */
    private Expr setValue(SetValueContext ctx) {
        if (ctx.DEFAULT() != null) {
            return null;
        }
        if (ctx.ON() != null || ctx.BINARY() != null) {
            return new Expr.ColumnRef(QualifiedName.of(ctx.getText().toLowerCase(Locale.ROOT)), position(ctx));
        }
        return expression(ctx.expression());
    }

    private static TransactionControl.IsolationLevel isolationLevel(IsolationLevelContext ctx) {
        if (ctx.SERIALIZABLE() != null) {
            return TransactionControl.IsolationLevel.SERIALIZABLE;
        }
        if (ctx.REPEATABLE() != null) {
            return TransactionControl.IsolationLevel.REPEATABLE_READ;
        }
        return ctx.COMMITTED() != null ? TransactionControl.IsolationLevel.READ_COMMITTED
                : TransactionControl.IsolationLevel.READ_UNCOMMITTED;
    }

    private MysqlCommand show(ShowStatementContext ctx) {
        return switch (ctx) {
            case ShowDatabasesContext show -> new MysqlCommand.ShowDatabases(like(show.likeOrWhere()));
            case ShowTablesContext show -> new MysqlCommand.ShowTables(show.identifier() == null ? null
                    : name(show.identifier()), show.FULL() != null, like(show.likeOrWhere()));
            case ShowColumnsContext show -> {
                QualifiedName table = qualifiedName(show.qualifiedName());
                if (show.identifier() != null) {
                    table = QualifiedName.of(name(show.identifier()), table.name());
                }
                yield new MysqlCommand.ShowColumns(table, show.FULL() != null, like(show.likeOrWhere()));
            }
            case ShowCreateTableContext show -> new MysqlCommand.ShowCreateTable(qualifiedName(show.qualifiedName()));
            case ShowCreateDatabaseContext show -> new MysqlCommand.ShowCreateDatabase(name(show.identifier()));
            case ShowVariablesContext show -> new MysqlCommand.ShowVariables(
                    show.scope != null && show.scope.getType() == MysqlSqlLexer.GLOBAL, like(show.likeOrWhere()));
            case ShowStatusContext show -> new MysqlCommand.ShowStatus(like(show.likeOrWhere()));
            case ShowWarningsContext show -> new MysqlCommand.ShowWarnings(show.ERRORS() != null);
            case ShowIndexContext show -> {
                QualifiedName table = qualifiedName(show.qualifiedName());
                if (show.identifier() != null) {
                    table = QualifiedName.of(name(show.identifier()), table.name());
                }
                yield new MysqlCommand.ShowIndex(table);
            }
            case ShowCharsetContext show -> new MysqlCommand.ShowCharacterSets(like(show.likeOrWhere()));
            case ShowCollationContext show -> new MysqlCommand.ShowCollations(like(show.likeOrWhere()));
            case ShowEnginesContext show -> new MysqlCommand.ShowEngines();
            case ShowProcesslistContext show -> new MysqlCommand.ShowProcessList();
            case ShowTriggersContext show -> new MysqlCommand.ShowTriggers();
            case ShowTableStatusContext show -> new MysqlCommand.ShowTableStatus(show.identifier() == null ? null
                    : name(show.identifier()), like(show.likeOrWhere()));
            default -> throw new IllegalStateException("unhandled SHOW");
        };
    }

    /** The LIKE pattern of a SHOW; null without one (and with WHERE, which {@link #filtered} applies). */
    private String like(LikeOrWhereContext ctx) {
        return ctx == null || ctx.WHERE() != null ? null : stringValue(ctx.pattern);
    }

    /** SHOW ... WHERE condition: the SHOW's rows, kept where the condition (over its column names) holds. */
    private MysqlCommand filtered(ShowStatementContext ctx, MysqlCommand show) {
        LikeOrWhereContext likeOrWhere = ctx.getRuleContext(LikeOrWhereContext.class, 0);
        if (likeOrWhere == null || likeOrWhere.WHERE() == null) {
            return show;
        }
        return new MysqlCommand.ShowWhere(show, condition(likeOrWhere.expression()));
    }

    // ---------------------------------------------------------------------------------------- expressions

    Expr expression(ExpressionContext ctx) {
        return switch (ctx) {
            case PredicateExpressionContext predicate -> predicate(predicate.predicate());
            case LogicalNotContext not -> new Expr.Unary(UnaryOperator.NOT, condition(not.expression()), position(not));
            case LogicalAndContext and -> new Expr.Binary(BinaryOperator.AND, condition(and.left), condition(and.right),
                    position(and));
            case LogicalOrContext or -> new Expr.Binary(BinaryOperator.OR, condition(or.left), condition(or.right),
                    position(or));
            case LogicalXorContext xor -> new Expr.Binary(BinaryOperator.NOT_EQUAL, truth(expression(xor.left)),
                    truth(expression(xor.right)), position(xor));
            default -> throw new IllegalStateException("unhandled expression");
        };
    }

    /** An expression used as a condition (WHERE, ON, HAVING, WHEN, IF, AND/OR/NOT operands). */
    private Expr condition(ExpressionContext ctx) {
        return asCondition(expression(ctx));
    }

    /**
     * MySQL takes any value as a condition (non-zero is true): {@code WHERE flag} on a TINYINT(1).
     * The engine wants a boolean, so what is not one by its form becomes {@code <> 0}, which keeps
     * NULL unknown and reads 0.5 as true, as MySQL does.
     */
    private static Expr asCondition(Expr expression) {
        return isBoolean(expression) ? expression : new Expr.Binary(BinaryOperator.NOT_EQUAL, expression,
                new Expr.Literal(0L, DataType.INTEGER, expression.position()), expression.position());
    }

    private static boolean isBoolean(Expr expression) {
        return switch (expression) {
            case Expr.Binary binary -> binary.operator().isComparison() || switch (binary.operator()) {
                case AND, OR, REGEX_MATCH, REGEX_IMATCH, REGEX_NOT_MATCH, REGEX_NOT_IMATCH -> true;
                default -> false;
            };
            case Expr.Unary unary -> unary.operator() == UnaryOperator.NOT;
            case Expr.Cast cast -> cast.type().equals(DataType.BOOLEAN);
            case Expr.IsPredicate ignored -> true;
            case Expr.IsDistinctFrom ignored -> true;
            case Expr.Between ignored -> true;
            case Expr.InList ignored -> true;
            case Expr.InSubquery ignored -> true;
            case Expr.Like ignored -> true;
            case Expr.Exists ignored -> true;
            case Expr.Quantified ignored -> true;
            case Expr.Literal literal -> literal.value() == null || literal.value() instanceof Boolean;
            default -> false;
        };
    }

    /** XOR compares truth values; NULL stays NULL. */
    private static Expr truth(Expr operand) {
        return new Expr.Cast(operand, DataType.BOOLEAN, operand.position());
    }

    private Expr predicate(PredicateContext ctx) {
        return switch (ctx) {
            case ValueOperandContext value -> valueExpression(value.valueExpression());
            case IsTestContext is -> new Expr.IsPredicate(predicate(is.predicate()), switch (is.truthValue.getType()) {
                case MysqlSqlLexer.NULL -> Expr.IsTest.NULL;
                case MysqlSqlLexer.TRUE -> Expr.IsTest.TRUE;
                case MysqlSqlLexer.FALSE -> Expr.IsTest.FALSE;
                default -> Expr.IsTest.UNKNOWN;
            }, is.NOT() != null, position(is));
            case BetweenContext between -> new Expr.Between(predicate(between.predicate(0)), valueExpression(between.low),
                    predicate(between.high), between.NOT() != null, false, position(between));
            case InSubqueryContext in -> new Expr.InSubquery(predicate(in.predicate()), query(in.query()), in.NOT() != null,
                    position(in));
            case InListContext in -> new Expr.InList(predicate(in.predicate()),
                    in.expression().stream().map(this::expression).toList(), in.NOT() != null, position(in));
            case LikeContext like -> new Expr.Like(predicate(like.predicate()), valueExpression(like.pattern),
                    like.escape == null ? null : valueExpression(like.escape), Expr.LikeKind.LIKE, like.NOT() != null,
                    position(like));
            case RegexpContext regexp -> new Expr.Binary(regexp.NOT() != null ? BinaryOperator.REGEX_NOT_IMATCH
                    : BinaryOperator.REGEX_IMATCH, predicate(regexp.predicate()), valueExpression(regexp.pattern),
                    position(regexp));
            case QuantifiedComparisonContext quantified -> {
                BinaryOperator operator = comparison(quantified.comparisonOperator());
                if (operator == null) {
                    throw unsupported("<=> with ANY/ALL", quantified);
                }
                yield new Expr.Quantified(operator, predicate(quantified.predicate()),
                        quantified.quantifier.getType() == MysqlSqlLexer.ALL ? Expr.Quantifier.ALL : Expr.Quantifier.ANY,
                        null, query(quantified.query()), position(quantified));
            }
            case ComparisonContext comparison -> {
                Expr left = predicate(comparison.left);
                Expr right = predicate(comparison.right);
                BinaryOperator operator = comparison(comparison.comparisonOperator());
                yield operator == null ? new Expr.IsDistinctFrom(left, right, true, position(comparison))
                        : new Expr.Binary(operator, left, right, position(comparison));
            }
            default -> throw new IllegalStateException("unhandled predicate");
        };
    }

    /** The comparison operator, or null for MySQL's null-safe equality {@code <=>}. */
    private static BinaryOperator comparison(ComparisonOperatorContext ctx) {
        return switch (ctx.getStart().getType()) {
            case MysqlSqlLexer.EQUAL -> BinaryOperator.EQUAL;
            case MysqlSqlLexer.NOT_EQUAL -> BinaryOperator.NOT_EQUAL;
            case MysqlSqlLexer.LESS -> BinaryOperator.LESS;
            case MysqlSqlLexer.LESS_EQUAL -> BinaryOperator.LESS_EQUAL;
            case MysqlSqlLexer.GREATER -> BinaryOperator.GREATER;
            case MysqlSqlLexer.GREATER_EQUAL -> BinaryOperator.GREATER_EQUAL;
            default -> null;
        };
    }

    private Expr valueExpression(ValueExpressionContext ctx) {
        return switch (ctx) {
            case PrimaryContext primary -> primaryExpression(primary.primaryExpression());
            case CollateContext collate -> valueExpression(collate.valueExpression());
            case UnaryContext unary -> {
                Expr operand = valueExpression(unary.valueExpression());
                yield switch (unary.operator.getType()) {
                    case MysqlSqlLexer.MINUS -> negate(operand, position(unary));
                    case MysqlSqlLexer.PLUS -> operand;
                    case MysqlSqlLexer.TILDE -> new Expr.Unary(UnaryOperator.BITWISE_NOT, operand, position(unary));
                    default -> new Expr.Unary(UnaryOperator.NOT, operand, position(unary));
                };
            }
            case BinaryOperatorContext binary -> new Expr.Cast(valueExpression(binary.valueExpression()), DataType.BYTEA,
                    position(binary));
            case BitwiseXorContext xor -> binary(BinaryOperator.BITWISE_XOR, xor.left, xor.right, xor);
            case MultiplicativeContext multiplicative -> switch (multiplicative.operator.getType()) {
                case MysqlSqlLexer.STAR -> binary(BinaryOperator.MULTIPLY, multiplicative.left, multiplicative.right, multiplicative);
                // MySQL's / never truncates: 7 / 2 is 3.5000, so the left side is made exact first.
                case MysqlSqlLexer.SLASH -> new Expr.Binary(BinaryOperator.DIVIDE,
                        new Expr.Cast(valueExpression(multiplicative.left), DataType.NUMERIC, position(multiplicative)),
                        valueExpression(multiplicative.right), position(multiplicative));
                case MysqlSqlLexer.DIV -> Expr.FunctionCall.of("div", List.of(valueExpression(multiplicative.left),
                        valueExpression(multiplicative.right)), position(multiplicative));
                default -> binary(BinaryOperator.MODULO, multiplicative.left, multiplicative.right, multiplicative);
            };
            case AdditiveContext additive -> additive(additive);
            case ShiftContext shift -> binary(shift.operator.getType() == MysqlSqlLexer.SHIFT_LEFT ? BinaryOperator.SHIFT_LEFT
                    : BinaryOperator.SHIFT_RIGHT, shift.left, shift.right, shift);
            case BitwiseAndContext and -> binary(BinaryOperator.BITWISE_AND, and.left, and.right, and);
            case BitwiseOrContext or -> binary(BinaryOperator.BITWISE_OR, or.left, or.right, or);
            default -> throw new IllegalStateException("unhandled value expression");
        };
    }

    /** {@code a + b}, {@code a - b}; with an {@code INTERVAL n unit} operand, date arithmetic. */
    private Expr additive(AdditiveContext ctx) {
        boolean minus = ctx.operator.getType() == MysqlSqlLexer.MINUS;
        if (intervalOperand(ctx.right) != null) {
            return addInterval(valueExpression(ctx.left), valueExpression(ctx.right), minus, position(ctx));
        }
        if (!minus && intervalOperand(ctx.left) != null) {
            return addInterval(valueExpression(ctx.right), valueExpression(ctx.left), false, position(ctx));
        }
        return binary(minus ? BinaryOperator.SUBTRACT : BinaryOperator.ADD, ctx.left, ctx.right, ctx);
    }

    private static IntervalValueContext intervalOperand(ValueExpressionContext operand) {
        return operand instanceof PrimaryContext primary && primary.primaryExpression() instanceof IntervalValueContext interval
                ? interval : null;
    }

    private Expr binary(BinaryOperator operator, ValueExpressionContext left, ValueExpressionContext right,
                        ParserRuleContext ctx) {
        return new Expr.Binary(operator, valueExpression(left), valueExpression(right), position(ctx));
    }

    /** A negative numeric literal stays one literal, so -9223372036854775808 fits a BIGINT. */
    private static Expr negate(Expr operand, int position) {
        if (operand instanceof Expr.Literal literal && literal.value() instanceof Long value) {
            return new Expr.Literal(-value, literal.type(), position);
        }
        if (operand instanceof Expr.Literal literal && literal.value() instanceof BigDecimal value) {
            BigDecimal negated = value.negate();
            if (negated.scale() == 0 && negated.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) == 0) {
                return new Expr.Literal(Long.MIN_VALUE, DataType.BIGINT, position);
            }
            return new Expr.Literal(negated, literal.type(), position);
        }
        return new Expr.Unary(UnaryOperator.MINUS, operand, position);
    }

    /** {@code INTERVAL n unit} as an interval value: folded when n is a constant, else n times one unit. */
    private Expr interval(Expr amount, IntervalUnitContext unit) {
        Interval one = switch (unit.getStart().getType()) {
            case MysqlSqlLexer.MICROSECOND -> new Interval(0, 0, 1);
            case MysqlSqlLexer.SECOND -> new Interval(0, 0, 1_000_000L);
            case MysqlSqlLexer.MINUTE -> new Interval(0, 0, 60_000_000L);
            case MysqlSqlLexer.HOUR -> new Interval(0, 0, 3_600_000_000L);
            case MysqlSqlLexer.DAY -> new Interval(0, 1, 0);
            case MysqlSqlLexer.WEEK -> new Interval(0, 7, 0);
            case MysqlSqlLexer.MONTH -> new Interval(1, 0, 0);
            case MysqlSqlLexer.QUARTER -> new Interval(3, 0, 0);
            default -> new Interval(12, 0, 0);
        };
        if (amount instanceof Expr.Literal literal && literal.value() instanceof Long count) {
            int n = Math.toIntExact(count);
            return new Expr.Literal(new Interval(one.months() * n, one.days() * n, one.micros() * n), DataType.INTERVAL,
                    position(unit));
        }
        return new Expr.Binary(BinaryOperator.MULTIPLY, new Expr.Cast(amount, DataType.DOUBLE, amount.position()),
                new Expr.Literal(one, DataType.INTERVAL, position(unit)), position(unit));
    }

    private Expr primaryExpression(PrimaryExpressionContext ctx) {
        int position = position(ctx);
        return switch (ctx) {
            case LiteralExpressionContext literal -> literal(literal.literal());
            case ParameterContext parameter -> new Expr.Parameter(++parameterCount, position);
            case SystemVariableContext variable -> {
                VariableName name = VariableName.parse(variable.SYSTEM_VARIABLE().getText());
                yield constant(facts.systemVariable(name.name(), name.global()), position);
            }
            case UserVariableContext user -> {
                String name = userVariableName(user.USER_VARIABLE().getSymbol());
                yield loadVariables.contains(name)
                        ? new Expr.ColumnRef(QualifiedName.of(Copy.Load.VARIABLES, name), position)
                        : constant(facts.userVariable(name), position);
            }
            case TypedLiteralContext typed -> new Expr.Cast(new Expr.Literal(stringValue(typed.STRING().getSymbol()),
                    DataType.UNKNOWN, position), switch (typed.typed.getType()) {
                        case MysqlSqlLexer.DATE -> DataType.DATE;
                        case MysqlSqlLexer.TIME -> DataType.TIME;
                        default -> DataType.TIMESTAMP;
                    }, position);
            case IntervalValueContext interval -> interval(expression(interval.amount), interval.unit);
            case SpecialValueContext special -> new Expr.SpecialValue(switch (special.special.getType()) {
                case MysqlSqlLexer.CURRENT_DATE -> Expr.SpecialValueKind.CURRENT_DATE;
                case MysqlSqlLexer.CURRENT_TIME -> Expr.SpecialValueKind.LOCALTIME;
                default -> Expr.SpecialValueKind.LOCALTIMESTAMP;
            }, position);
            case CastContext cast -> new Expr.Cast(expression(cast.expression()), castType(cast.castType()), position);
            case ConvertContext convert -> new Expr.Cast(expression(convert.expression()), castType(convert.castType()), position);
            case ConvertUsingContext convert -> expression(convert.expression());
            case CaseExpressionContext caseExpression -> new Expr.Case(
                    caseExpression.operand == null ? null : expression(caseExpression.operand),
                    caseExpression.whenClause().stream().map(w -> new Expr.WhenClause(caseExpression.operand == null
                            ? condition(w.condition) : expression(w.condition),
                            expression(w.result))).toList(),
                    caseExpression.elseResult == null ? null : expression(caseExpression.elseResult), position);
            case ExistsContext exists -> new Expr.Exists(query(exists.query()), position);
            case ScalarSubqueryContext subquery -> new Expr.ScalarSubquery(query(subquery.query()), position);
            case ParenthesizedOrRowContext parenthesized -> parenthesized.expression().size() == 1
                    ? expression(parenthesized.expression(0))
                    : new Expr.RowConstructor(parenthesized.expression().stream().map(this::expression).toList(), position);
            case FunctionCallContext call -> functionCall(call);
            case FunctionWithFromContext call -> functionWithFrom(call);
            // POSITION(needle IN haystack): the 1-based place of needle, 0 when absent.
            case PositionCallContext call -> {
                if (!call.functionName().getText().equalsIgnoreCase("position")) {
                    throw new SqlException(ErrorCode.SYNTAX_ERROR, "You have an error in your SQL syntax near '"
                            + call.getText() + "'", position);
                }
                yield Expr.FunctionCall.of("strpos", List.of(expression(call.haystack), valueExpression(call.needle)), position);
            }
            case JsonColumnPathContext json -> {
                Expr extracted = jsonExtract(columnReference(qualifiedName(json.qualifiedName()), position),
                        new Expr.Literal(stringValue(json.path), DataType.TEXT, position), position);
                yield json.arrow.getType() == MysqlSqlLexer.JSON_UNQUOTE_ARROW ? jsonUnquote(extracted, position) : extracted;
            }
            case ColumnReferenceContext column -> columnReference(qualifiedName(column.qualifiedName()), position);
            default -> throw new IllegalStateException("unhandled primary expression");
        };
    }

    private Expr columnReference(QualifiedName name, int position) {
        if (duplicateKey != null) {
            return duplicateKey.resolve(name, position);
        }
        if (havingAliases != null && name.parts().size() == 1 && havingAliases.containsKey(name.name())) {
            return havingAliases.get(name.name());
        }
        return new Expr.ColumnRef(name, position);
    }

    /** {@code @name}, {@code @`name`} or {@code @'name'}: user variable names are case-insensitive. */
    private static String userVariableName(Token token) {
        String text = token.getText().substring(1);
        if (text.length() >= 2 && (text.charAt(0) == '`' || text.charAt(0) == '\'')) {
            text = text.substring(1, text.length() - 1);
        }
        return text.toLowerCase(Locale.ROOT);
    }

    private static Expr constant(Object value, int position) {
        return switch (value) {
            case null -> Expr.Literal.nullValue(position);
            case Long number -> new Expr.Literal(number, DataType.BIGINT, position);
            case String text -> new Expr.Literal(text, DataType.TEXT, position);
            case BigDecimal number -> new Expr.Literal(number, DataType.NUMERIC, position);
            case Double number -> new Expr.Literal(number, DataType.DOUBLE, position);
            default -> throw new IllegalArgumentException("unexpected variable value " + value.getClass());
        };
    }

    /** VALUES(col): the proposed row's column inside ON DUPLICATE KEY UPDATE, NULL elsewhere (as MySQL). */
    private Expr insertedValue(FunctionCallContext ctx) {
        DuplicateKeyNames names = duplicateKey;
        duplicateKey = null;
        Expr argument;
        try {
            argument = ctx.expression().size() == 1 ? expression(ctx.expression(0)) : null;
        } finally {
            duplicateKey = names;
        }
        if (!(argument instanceof Expr.ColumnRef column)) {
            throw new SqlException(ErrorCode.SYNTAX_ERROR, "You have an error in your SQL syntax; VALUES() takes a column name",
                    position(ctx));
        }
        return names == null ? Expr.Literal.nullValue(position(ctx)) : DuplicateKeyNames.proposed(column.name().name(),
                position(ctx));
    }

    /**
     * JSON_EXTRACT(doc, path): the path's first match (SQL/JSON path reads MySQL's paths the same
     * way); a path with a wildcard gives the array of its matches, NULL when there is none, as MySQL does.
     */
    private static Expr jsonExtract(Expr document, Expr path, int position) {
        Expr json = new Expr.Cast(document, DataType.JSONB, position);
        boolean wildcard = path instanceof Expr.Literal literal && literal.value() instanceof String text && text.contains("*");
        if (!wildcard) {
            return Expr.FunctionCall.of("jsonb_path_query_first", List.of(json, path), position);
        }
        return Expr.FunctionCall.of("nullif", List.of(Expr.FunctionCall.of("jsonb_path_query_array", List.of(json, path),
                position), new Expr.Cast(new Expr.Literal("[]", DataType.UNKNOWN, position), DataType.JSONB, position)),
                position);
    }

    /** JSON_UNQUOTE: a JSON string's text; anything else (a number, an object, plain text) as written. */
    private static Expr jsonUnquote(Expr value, int position) {
        Expr text = new Expr.Cast(value, DataType.TEXT, position);
        Expr quoted = new Expr.Like(text, new Expr.Literal("\"%", DataType.TEXT, position), null, Expr.LikeKind.LIKE, false,
                position);
        Expr unquoted = new Expr.Binary(BinaryOperator.JSON_PATH_TEXT, new Expr.Cast(text, DataType.JSONB, position),
                new Expr.Cast(new Expr.Literal("{}", DataType.UNKNOWN, position), DataType.arrayOf(DataType.TEXT), position),
                position);
        return new Expr.Case(null, List.of(new Expr.WhenClause(quoted, unquoted)), text, position);
    }

    /**
     * SUBSTRING(s FROM n [FOR m]) and TRIM([BOTH | LEADING | TRAILING] [remove] FROM s). MySQL's
     * TRIM removes whole repeats of {@code remove} (default a space), not any of its characters:
     * a literal one becomes an anchored regular expression.
     */
    private Expr functionWithFrom(FunctionWithFromContext ctx) {
        String name = ctx.functionName().getText().toLowerCase(Locale.ROOT).replace("`", "");
        int position = position(ctx);
        Expr source = expression(ctx.second);
        switch (name) {
            case "substring", "substr", "mid" -> {
                if (ctx.side != null || ctx.first == null) {
                    throw new SqlException(ErrorCode.SYNTAX_ERROR, "You have an error in your SQL syntax near '"
                            + ctx.getText() + "'", position);
                }
                // The grammar reads SUBSTRING(s FROM n) as first = s, second = n.
                List<Expr> call = new ArrayList<>(List.of(expression(ctx.first), source));
                if (ctx.third != null) {
                    call.add(expression(ctx.third));
                }
                return Expr.FunctionCall.of("substr", call, position);
            }
            case "trim" -> {
                if (ctx.third != null) {
                    throw new SqlException(ErrorCode.SYNTAX_ERROR, "You have an error in your SQL syntax near 'FOR'", position);
                }
                String remove = " ";
                if (ctx.first != null) {
                    if (!(expression(ctx.first) instanceof Expr.Literal literal && literal.value() instanceof String text)) {
                        throw unsupported("TRIM with a removed string that is not a literal", ctx);
                    }
                    remove = text;
                }
                String side = ctx.side == null ? "both" : ctx.side.getText().toLowerCase(Locale.ROOT);
                StringBuilder escaped = new StringBuilder();
                remove.codePoints().forEach(c -> escaped.append(Character.isLetterOrDigit(c) ? "" : "\\").appendCodePoint(c));
                String repeated = "(?:" + escaped + ")*";
                String pattern = switch (side) {
                    case "leading" -> "^" + repeated;
                    case "trailing" -> repeated + "$";
                    default -> "^" + repeated + "|" + repeated + "$";
                };
                if (remove.isEmpty()) {
                    return source;
                }
                return Expr.FunctionCall.of("regexp_replace", List.of(source, new Expr.Literal(pattern, DataType.TEXT, position),
                        new Expr.Literal("", DataType.TEXT, position), new Expr.Literal("g", DataType.TEXT, position)), position);
            }
            default -> throw new SqlException(ErrorCode.SYNTAX_ERROR, "You have an error in your SQL syntax near '"
                    + ctx.getText() + "'", position);
        }
    }

    /** The functions MySQL 8 computes over a window: its ranking and value functions, and the aggregates. */
    private static final Set<String> WINDOW_FUNCTIONS = Set.of("row_number", "rank", "dense_rank", "percent_rank",
            "cume_dist", "ntile", "lag", "lead", "first_value", "last_value", "nth_value", "count", "sum", "avg", "min", "max",
            "bit_and", "bit_or", "bit_xor", "std", "stddev", "stddev_pop", "stddev_samp", "var_pop", "var_samp", "variance");

    /** {@code f(...) OVER (...)}: the engine's window functions have MySQL's names; STD and VARIANCE are spelled as it spells them. */
    private Expr windowCall(String name, List<Expr> arguments, FunctionCallContext ctx) {
        if (!WINDOW_FUNCTIONS.contains(name)) {
            throw new SqlException(ErrorCode.SYNTAX_ERROR, "You have an error in your SQL syntax; " + name.toUpperCase(Locale.ROOT)
                    + " is not a window function", position(ctx));
        }
        if (ctx.orderByClause() != null || ctx.separator != null) {
            throw new SqlException(ErrorCode.SYNTAX_ERROR, "You have an error in your SQL syntax; only GROUP_CONCAT takes "
                    + "ORDER BY or SEPARATOR", position(ctx));
        }
        String engineName = switch (name) {
            case "std", "stddev" -> "stddev_pop";
            case "variance" -> "var_pop";
            default -> name;
        };
        return new Expr.FunctionCall(QualifiedName.of(engineName), arguments, ctx.DISTINCT() != null, ctx.STAR() != null,
                null, List.of(), over(ctx.overClause()), position(ctx));
    }

    /** MySQL's functions: session facts become constants, MySQL names map to the engine's. */
    private Expr functionCall(FunctionCallContext ctx) {
        String name = ctx.functionName().getText().toLowerCase(Locale.ROOT);
        if (name.startsWith("`")) {
            name = name(ctx.functionName().identifier());
        }
        if (name.equals("values")) {
            return insertedValue(ctx);
        }
        List<Expr> arguments = ctx.expression().stream().map(this::expression).toList();
        int position = position(ctx);
        if (ctx.overClause() != null) {
            return windowCall(name, arguments, ctx);
        }
        if (ctx.STAR() != null) {
            return new Expr.FunctionCall(QualifiedName.of(name), List.of(), false, true, null, List.of(), null, position);
        }
        if (UNSUPPORTED_FUNCTIONS.contains(name)) {
            throw unsupported("the function " + name.toUpperCase(Locale.ROOT) + "()", ctx);
        }
        if (!name.equals("group_concat") && (ctx.orderByClause() != null || ctx.separator != null)) {
            throw new SqlException(ErrorCode.SYNTAX_ERROR, "You have an error in your SQL syntax; only GROUP_CONCAT takes "
                    + "ORDER BY or SEPARATOR", position(ctx));
        }
        return switch (name) {
            case "database", "schema" -> noArguments(ctx, arguments, constant(facts.currentDatabase(), position));
            case "version" -> noArguments(ctx, arguments, constant(facts.systemVariable("version", false), position));
            case "connection_id" -> noArguments(ctx, arguments, constant(facts.connectionId(), position));
            case "row_count" -> noArguments(ctx, arguments, constant(facts.previousRowCount(), position));
            case "found_rows" -> noArguments(ctx, arguments, constant(facts.previousFoundRows(), position));
            case "user", "current_user", "session_user", "system_user" ->
                    noArguments(ctx, arguments, constant(facts.userAtHost(), position));
            case "last_insert_id" -> {
                if (!arguments.isEmpty()) {
                    throw unsupported("LAST_INSERT_ID(expr)", ctx);
                }
                yield constant(facts.lastInsertId(), position);
            }
            case "now", "current_timestamp", "localtime", "localtimestamp", "sysdate" ->
                    noArguments(ctx, arguments.size() <= 1 ? List.of() : arguments,
                            new Expr.SpecialValue(Expr.SpecialValueKind.LOCALTIMESTAMP, position));
            case "curdate", "current_date" -> noArguments(ctx, arguments,
                    new Expr.SpecialValue(Expr.SpecialValueKind.CURRENT_DATE, position));
            case "curtime", "current_time" -> noArguments(ctx, arguments.size() <= 1 ? List.of() : arguments,
                    new Expr.SpecialValue(Expr.SpecialValueKind.LOCALTIME, position));
            case "if" -> {
                requireArguments(ctx, arguments, 3);
                yield new Expr.Case(null, List.of(new Expr.WhenClause(asCondition(arguments.get(0)), arguments.get(1))),
                        arguments.get(2),
                        position);
            }
            case "ifnull" -> {
                requireArguments(ctx, arguments, 2);
                yield call("coalesce", arguments, ctx);
            }
            case "json_extract" -> {
                if (arguments.size() != 2) {
                    throw unsupported("JSON_EXTRACT with other than one path", ctx);
                }
                yield jsonExtract(arguments.get(0), arguments.get(1), position);
            }
            case "json_unquote" -> {
                requireArguments(ctx, arguments, 1);
                yield jsonUnquote(arguments.get(0), position);
            }
            case "json_object" -> {
                if (arguments.size() % 2 != 0) {
                    throw new SqlException(ErrorCode.UNDEFINED_FUNCTION,
                            "Incorrect parameter count in the call to native function 'JSON_OBJECT'", position);
                }
                yield call("jsonb_build_object", arguments, ctx);
            }
            case "json_array" -> call("jsonb_build_array", arguments, ctx);
            case "json_contains" -> {
                if (arguments.size() != 2 && arguments.size() != 3) {
                    requireArguments(ctx, arguments, 2);
                }
                Expr target = arguments.size() == 3 ? jsonExtract(arguments.get(0), arguments.get(2), position)
                        : new Expr.Cast(arguments.get(0), DataType.JSONB, position);
                yield new Expr.Binary(BinaryOperator.CONTAINS, target, new Expr.Cast(arguments.get(1), DataType.JSONB, position),
                        position);
            }
            case "length", "octet_length" -> call("octet_length", arguments, ctx);
            case "character_length" -> call("char_length", arguments, ctx);
            // MySQL folds the text of any value (UPPER(10) is '10'; Connector/J's getColumns relies on it).
            case "lcase", "lower" -> {
                requireArguments(ctx, arguments, 1);
                yield call("lower", List.of(new Expr.Cast(arguments.get(0), DataType.TEXT, position)), ctx);
            }
            case "ucase", "upper" -> {
                requireArguments(ctx, arguments, 1);
                yield call("upper", List.of(new Expr.Cast(arguments.get(0), DataType.TEXT, position)), ctx);
            }
            case "rand" -> call("random", arguments, ctx);
            // MySQL's TRIM, LTRIM and RTRIM take spaces only (not tabs or newlines).
            case "trim" -> {
                requireArguments(ctx, arguments, 1);
                yield call("btrim", List.of(arguments.get(0), new Expr.Literal(" ", DataType.TEXT, position)), ctx);
            }
            case "truncate" -> call("trunc", arguments, ctx);
            case "instr" -> call("strpos", arguments, ctx);
            case "locate" -> {
                if (arguments.size() != 2) {
                    throw unsupported("LOCATE with a start position", ctx);
                }
                yield call("strpos", List.of(arguments.get(1), arguments.get(0)), ctx);
            }
            // FIND_IN_SET(s, 'a,b,c'): s's 1-based place in the comma-separated list, 0 when absent.
            case "find_in_set" -> {
                requireArguments(ctx, arguments, 2);
                yield call("coalesce", List.of(call("array_position", List.of(call("string_to_array",
                        List.of(arguments.get(1), new Expr.Literal(",", DataType.TEXT, position)), ctx), arguments.get(0)), ctx),
                        new Expr.Literal(0L, DataType.INTEGER, position)), ctx);
            }
            case "uuid" -> noArguments(ctx, arguments, new Expr.Cast(call("gen_random_uuid", List.of(), ctx), DataType.TEXT,
                    position));
            // Seconds since the epoch; a DATETIME is read in UTC, the server's time zone.
            case "unix_timestamp" -> {
                if (arguments.size() > 1) {
                    requireArguments(ctx, arguments, 1);
                }
                Expr moment = arguments.isEmpty() ? new Expr.SpecialValue(Expr.SpecialValueKind.CURRENT_TIMESTAMP, position)
                        : arguments.get(0);
                yield new Expr.Cast(call("floor", List.of(call("date_part",
                        List.of(new Expr.Literal("epoch", DataType.TEXT, position), moment), ctx)), ctx), DataType.BIGINT, position);
            }
            case "from_unixtime" -> {
                if (arguments.isEmpty() || arguments.size() > 2) {
                    requireArguments(ctx, arguments, 1);
                }
                Expr moment = call("timezone", List.of(new Expr.Literal("UTC", DataType.TEXT, position),
                        call("to_timestamp", List.of(arguments.get(0)), ctx)), ctx);
                yield arguments.size() == 1 ? moment : dateFormat(moment, arguments.get(1), ctx);
            }
            // Whole days from the second date to the first.
            case "datediff" -> {
                requireArguments(ctx, arguments, 2);
                yield new Expr.Binary(BinaryOperator.SUBTRACT, new Expr.Cast(arguments.get(0), DataType.DATE, position),
                        new Expr.Cast(arguments.get(1), DataType.DATE, position), position);
            }
            // FIELD(x, a, b, ...): x's 1-based place among the rest, 0 when absent (or x is NULL).
            case "field" -> {
                if (arguments.size() < 2) {
                    requireArguments(ctx, arguments, 2);
                }
                List<Expr.WhenClause> whens = new java.util.ArrayList<>();
                for (int i = 1; i < arguments.size(); i++) {
                    whens.add(new Expr.WhenClause(new Expr.Binary(BinaryOperator.EQUAL, arguments.get(0), arguments.get(i),
                            position), new Expr.Literal((long) i, DataType.INTEGER, position)));
                }
                yield new Expr.Case(null, whens, new Expr.Literal(0L, DataType.INTEGER, position), position);
            }
            case "date_format" -> {
                requireArguments(ctx, arguments, 2);
                yield dateFormat(arguments.get(0), arguments.get(1), ctx);
            }
            case "str_to_date" -> {
                requireArguments(ctx, arguments, 2);
                String format = literalFormat(arguments.get(1), ctx);
                String template = MysqlDateFormat.toTemplate(format);
                if (template == null) {
                    throw unsupported("this STR_TO_DATE format", ctx);
                }
                Expr parsed = call("timezone", List.of(new Expr.Literal("UTC", DataType.TEXT, position),
                        call("to_timestamp", List.of(arguments.get(0), new Expr.Literal(template, DataType.TEXT, position)), ctx)),
                        ctx);
                yield MysqlDateFormat.hasTime(format) ? parsed : new Expr.Cast(parsed, DataType.DATE, position);
            }
            // MySQL's CONCAT is NULL when any argument is (the engine's concat skips NULLs, as PostgreSQL's).
            case "concat" -> arguments.isEmpty() ? call("concat", arguments, ctx) : concatenation(arguments, position);
            case "group_concat" -> {
                if (arguments.isEmpty()) {
                    requireArguments(ctx, arguments, 1);
                }
                String separator = ctx.separator == null ? "," : stringValue(ctx.separator);
                List<SortItem> order = ctx.orderByClause() == null ? List.of() : orderBy(ctx.orderByClause());
                if (ctx.DISTINCT() != null) {
                    // The engine's DISTINCT aggregate orders only by its argument, which is the text form.
                    order = order.stream().map(item -> new SortItem(new Expr.Cast(item.expression(), DataType.TEXT,
                            position), item.descending(), item.nullsFirst())).toList();
                }
                yield new Expr.FunctionCall(QualifiedName.of("string_agg"), List.of(concatenation(arguments, position),
                        new Expr.Literal(separator, DataType.TEXT, position)), ctx.DISTINCT() != null, false, null, order,
                        null, position);
            }
            case "microsecond" -> {
                requireArguments(ctx, arguments, 1);
                yield new Expr.Binary(BinaryOperator.MODULO, datePart("microseconds", arguments.get(0), ctx),
                        new Expr.Literal(1_000_000L, DataType.INTEGER, position), position);
            }
            case "year", "month", "day", "dayofmonth", "hour", "minute", "second", "quarter", "dayofyear" -> {
                requireArguments(ctx, arguments, 1);
                yield datePart(switch (name) {
                    case "dayofmonth" -> "day";
                    case "dayofyear" -> "doy";
                    case "second" -> "second_whole";
                    default -> name;
                }, arguments.get(0), ctx);
            }
            // MySQL numbers Sunday 1 (DAYOFWEEK) or Monday 0 (WEEKDAY); PostgreSQL's dow numbers Sunday 0.
            case "dayofweek" -> {
                requireArguments(ctx, arguments, 1);
                yield new Expr.Binary(BinaryOperator.ADD, datePart("dow", arguments.get(0), ctx),
                        new Expr.Literal(1L, DataType.INTEGER, position), position);
            }
            case "weekday" -> {
                requireArguments(ctx, arguments, 1);
                yield new Expr.Binary(BinaryOperator.MODULO, new Expr.Binary(BinaryOperator.ADD, datePart("dow",
                        arguments.get(0), ctx), new Expr.Literal(6L, DataType.INTEGER, position), position),
                        new Expr.Literal(7L, DataType.INTEGER, position), position);
            }
            case "monthname", "dayname" -> {
                requireArguments(ctx, arguments, 1);
                yield call("to_char", List.of(new Expr.Cast(arguments.get(0), DataType.TIMESTAMP, position),
                        new Expr.Literal(name.equals("monthname") ? "FMMonth" : "FMDay", DataType.TEXT, position)), ctx);
            }
            case "date" -> {
                requireArguments(ctx, arguments, 1);
                yield new Expr.Cast(arguments.get(0), DataType.DATE, position);
            }
            case "last_day" -> {
                requireArguments(ctx, arguments, 1);
                Expr monthStart = call("date_trunc", List.of(new Expr.Literal("month", DataType.TEXT, position),
                        new Expr.Cast(arguments.get(0), DataType.TIMESTAMP, position)), ctx);
                yield new Expr.Cast(new Expr.Binary(BinaryOperator.SUBTRACT, new Expr.Binary(BinaryOperator.ADD, monthStart,
                        new Expr.Literal(new Interval(1, 0, 0), DataType.INTERVAL, position), position),
                        new Expr.Literal(new Interval(0, 1, 0), DataType.INTERVAL, position), position), DataType.DATE, position);
            }
            case "date_add", "adddate", "date_sub", "subdate" -> {
                requireArguments(ctx, arguments, 2);
                Expr amount = arguments.get(1);
                // ADDDATE(d, n) and SUBDATE(d, n) count days.
                Expr interval = ctx.expression(1).getStart().getType() == MysqlSqlLexer.INTERVAL ? amount
                        : new Expr.Binary(BinaryOperator.MULTIPLY, new Expr.Cast(amount, DataType.DOUBLE, position),
                                new Expr.Literal(new Interval(0, 1, 0), DataType.INTERVAL, position), position);
                yield addInterval(arguments.get(0), interval, name.equals("date_sub") || name.equals("subdate"), position);
            }
            case "timestampdiff" -> {
                requireArguments(ctx, arguments, 3);
                yield timestampDiff(unitName(arguments.get(0), ctx), arguments.get(1), arguments.get(2), ctx);
            }
            case "timestampadd" -> {
                requireArguments(ctx, arguments, 3);
                String unit = unitName(arguments.get(0), ctx);
                yield addInterval(arguments.get(2), new Expr.Binary(BinaryOperator.MULTIPLY, new Expr.Cast(arguments.get(1),
                        DataType.DOUBLE, position), new Expr.Literal(unitInterval(unit, ctx), DataType.INTERVAL, position),
                        position), false, position);
            }
            default -> new Expr.FunctionCall(QualifiedName.of(name), arguments, ctx.DISTINCT() != null, false, null,
                    List.of(), null, position);
        };
    }

    /**
     * A date or datetime plus or minus an interval, as MySQL answers it: a string operand is read as a
     * date or a datetime by its shape, and a date moved by days, months or years stays a date.
     */
    private static Expr addInterval(Expr base, Expr interval, boolean subtract, int position) {
        Expr moment = base;
        if (base instanceof Expr.Literal literal && literal.type() == DataType.UNKNOWN && literal.value() instanceof String text) {
            moment = new Expr.Cast(base, DATE_ONLY.matcher(text.strip()).matches() ? DataType.DATE : DataType.TIMESTAMP,
                    position);
        }
        if (isCalendarInterval(interval)) {
            Expr signed = subtract ? new Expr.Unary(UnaryOperator.MINUS, interval, position) : interval;
            return Expr.FunctionCall.of("calendar_add", List.of(moment, signed), position);
        }
        return new Expr.Binary(subtract ? BinaryOperator.SUBTRACT : BinaryOperator.ADD, moment, interval, position);
    }

    private static final java.util.regex.Pattern DATE_ONLY = java.util.regex.Pattern.compile("\\d{1,4}-\\d{1,2}-\\d{1,2}");

    /** An interval of whole days, months or years (a constant, or n times one such unit). */
    private static boolean isCalendarInterval(Expr interval) {
        return switch (interval) {
            case Expr.Literal literal when literal.value() instanceof Interval value -> value.micros() == 0;
            case Expr.Binary product when product.operator() == BinaryOperator.MULTIPLY -> isCalendarInterval(product.right());
            default -> false;
        };
    }

    /** MySQL's CONCAT and GROUP_CONCAT's value: the arguments as text joined by {@code ||}, NULL when any is. */
    private static Expr concatenation(List<Expr> arguments, int position) {
        Expr result = new Expr.Cast(arguments.get(0), DataType.TEXT, position);
        for (int i = 1; i < arguments.size(); i++) {
            result = new Expr.Binary(BinaryOperator.CONCAT, result, new Expr.Cast(arguments.get(i), DataType.TEXT, position),
                    position);
        }
        return result;
    }

    /** One field of a date or datetime as an integer, as MySQL's YEAR(), MONTH()... answer it. */
    private Expr datePart(String field, Expr moment, FunctionCallContext ctx) {
        int position = position(ctx);
        boolean wholeSeconds = field.equals("second_whole");
        Expr part = call("date_part", List.of(new Expr.Literal(wholeSeconds ? "second" : field, DataType.TEXT, position),
                new Expr.Cast(moment, DataType.TIMESTAMP, position)), ctx);
        if (wholeSeconds) {
            part = call("floor", List.of(part), ctx);
        }
        return new Expr.Cast(part, DataType.INTEGER, position);
    }

    /** TIMESTAMPDIFF's and TIMESTAMPADD's unit: a bare word such as DAY, which parses as a column name. */
    private String unitName(Expr unit, FunctionCallContext ctx) {
        if (unit instanceof Expr.ColumnRef column && column.name().parts().size() == 1) {
            String word = column.name().name().toLowerCase(Locale.ROOT);
            if (TIME_UNITS.contains(word)) {
                return word;
            }
        }
        throw new SqlException(ErrorCode.SYNTAX_ERROR, "You have an error in your SQL syntax; "
                + ctx.functionName().getText().toUpperCase(Locale.ROOT) + " takes a unit such as DAY or MONTH first",
                position(ctx));
    }

    private static final Set<String> TIME_UNITS = Set.of("microsecond", "second", "minute", "hour", "day", "week", "month",
            "quarter", "year");

    private Interval unitInterval(String unit, FunctionCallContext ctx) {
        return switch (unit) {
            case "microsecond" -> new Interval(0, 0, 1);
            case "second" -> new Interval(0, 0, 1_000_000L);
            case "minute" -> new Interval(0, 0, 60_000_000L);
            case "hour" -> new Interval(0, 0, 3_600_000_000L);
            case "day" -> new Interval(0, 1, 0);
            case "week" -> new Interval(0, 7, 0);
            case "month" -> new Interval(1, 0, 0);
            case "quarter" -> new Interval(3, 0, 0);
            default -> new Interval(12, 0, 0);
        };
    }

    /**
     * TIMESTAMPDIFF(unit, a, b): whole units from a to b, truncated toward zero. Months, quarters and
     * years count calendar months (PostgreSQL's age() does the day-of-month arithmetic MySQL does);
     * the others divide the elapsed seconds.
     */
    private Expr timestampDiff(String unit, Expr from, Expr to, FunctionCallContext ctx) {
        int position = position(ctx);
        Expr start = new Expr.Cast(from, DataType.TIMESTAMP, position);
        Expr end = new Expr.Cast(to, DataType.TIMESTAMP, position);
        Expr difference;
        if (unit.equals("month") || unit.equals("quarter") || unit.equals("year")) {
            Expr age = call("age", List.of(end, start), ctx);
            Expr months = new Expr.Binary(BinaryOperator.ADD, new Expr.Binary(BinaryOperator.MULTIPLY,
                    part("year", age, ctx), new Expr.Literal(12L, DataType.INTEGER, position), position), part("month", age, ctx),
                    position);
            long per = unit.equals("month") ? 1 : unit.equals("quarter") ? 3 : 12;
            difference = per == 1 ? months : new Expr.Binary(BinaryOperator.DIVIDE, months,
                    new Expr.Literal(per, DataType.INTEGER, position), position);
        } else {
            double perUnit = unitInterval(unit, ctx).micros() / 1e6 + unitInterval(unit, ctx).days() * 86_400.0;
            Expr seconds = part("epoch", new Expr.Binary(BinaryOperator.SUBTRACT, end, start, position), ctx);
            difference = call("trunc", List.of(new Expr.Binary(BinaryOperator.DIVIDE, seconds,
                    new Expr.Literal(perUnit, DataType.DOUBLE, position), position)), ctx);
        }
        return new Expr.Cast(difference, DataType.BIGINT, position);
    }

    private Expr part(String field, Expr value, FunctionCallContext ctx) {
        return new Expr.Cast(call("date_part", List.of(new Expr.Literal(field, DataType.TEXT, position(ctx)), value), ctx),
                DataType.BIGINT, position(ctx));
    }

    /** DATE_FORMAT with a literal format: the engine's to_char with the matching template. */
    private Expr dateFormat(Expr moment, Expr format, FunctionCallContext ctx) {
        String template = MysqlDateFormat.toTemplate(literalFormat(format, ctx));
        if (template == null) {
            throw unsupported("this DATE_FORMAT format", ctx);
        }
        return call("to_char", List.of(new Expr.Cast(moment, DataType.TIMESTAMP, position(ctx)),
                new Expr.Literal(template, DataType.TEXT, position(ctx))), ctx);
    }

    private String literalFormat(Expr format, FunctionCallContext ctx) {
        if (format instanceof Expr.Literal literal && literal.value() instanceof String text) {
            return text;
        }
        throw unsupported("a date format that is not a string literal", ctx);
    }

    private Expr call(String name, List<Expr> arguments, ParserRuleContext ctx) {
        return Expr.FunctionCall.of(name, arguments, position(ctx));
    }

    private Expr noArguments(FunctionCallContext ctx, List<Expr> arguments, Expr result) {
        requireArguments(ctx, arguments, 0);
        return result;
    }

    private void requireArguments(FunctionCallContext ctx, List<Expr> arguments, int count) {
        if (arguments.size() != count) {
            throw new SqlException(ErrorCode.UNDEFINED_FUNCTION, "Incorrect parameter count in the call to native function '"
                    + ctx.functionName().getText() + "'", position(ctx));
        }
    }

    private Expr literal(LiteralContext ctx) {
        int position = position(ctx);
        return switch (ctx) {
            case NullLiteralContext nothing -> Expr.Literal.nullValue(position);
            // MySQL's TRUE and FALSE are the integers 1 and 0 (BOOLEAN columns are TINYINT).
            case BooleanLiteralContext bool -> new Expr.Literal(bool.TRUE() != null ? 1L : 0L, DataType.INTEGER, position);
            case IntegerLiteralContext integer -> integerLiteral(integer.INTEGER_LITERAL().getSymbol());
            case DecimalLiteralContext decimal -> {
                String text = decimal.getText();
                yield text.toLowerCase(Locale.ROOT).contains("e")
                        ? new Expr.Literal(Double.parseDouble(text), DataType.DOUBLE, position)
                        : new Expr.Literal(new BigDecimal(text), DataType.NUMERIC, position);
            }
            case HexLiteralContext hex -> {
                String text = hex.getText();
                String digits = text.charAt(0) == '0' ? text.substring(2) : text.substring(2, text.length() - 1);
                if (digits.length() % 2 != 0) {
                    digits = "0" + digits;
                }
                yield new Expr.Literal(Bytes.wrap(HexFormat.of().parseHex(digits)), DataType.BYTEA, position);
            }
            case StringLiteralContext string -> {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < string.getChildCount(); i++) {
                    text.append(stringValue(((TerminalNode) string.getChild(i)).getSymbol()));
                }
                yield new Expr.Literal(text.toString(), DataType.UNKNOWN, position);
            }
            default -> throw new IllegalStateException("unhandled literal");
        };
    }

    private Expr.Literal integerLiteral(Token token) {
        String text = token.getText();
        int position = source.position(token);
        BigInteger value = new BigInteger(text);
        if (value.bitLength() < 32) {
            return new Expr.Literal(value.longValue(), DataType.INTEGER, position);
        }
        if (value.bitLength() < 64) {
            return new Expr.Literal(value.longValue(), DataType.BIGINT, position);
        }
        return new Expr.Literal(new BigDecimal(value), DataType.NUMERIC, position);
    }

    // ---------------------------------------------------------------------------------------- names and text

    static String name(IdentifierContext ctx) {
        String text = ctx.getText();
        if (text.startsWith("`")) {
            text = text.substring(1, text.length() - 1).replace("``", "`");
        }
        return text.toLowerCase(Locale.ROOT);
    }

    QualifiedName qualifiedName(QualifiedNameContext ctx) {
        List<String> parts = new ArrayList<>();
        parts.add(name(ctx.identifier()));
        for (AnyWordContext word : ctx.anyWord()) {
            parts.add(word.identifier() != null ? name(word.identifier()) : word.getText().toLowerCase(Locale.ROOT));
        }
        return new QualifiedName(parts);
    }

    private static String optionWord(OptionWordContext ctx) {
        if (ctx.identifier() != null) {
            return name(ctx.identifier());
        }
        if (ctx.STRING() != null) {
            return stringValue(ctx.STRING().getSymbol());
        }
        return ctx.getText().toLowerCase(Locale.ROOT);
    }

    /** The value of a quoted string token, with MySQL's backslash escapes and doubled quotes. */
    static String stringValue(Token token) {
        String text = token.getText();
        char quote = text.charAt(0);
        StringBuilder value = new StringBuilder(text.length());
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() - 1) {
                char next = text.charAt(++i);
                switch (next) {
                    case '0' -> value.append('\0');
                    case 'b' -> value.append('\b');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'Z' -> value.append('\u001A');
                    case '%', '_' -> value.append('\\').append(next);
                    default -> value.append(next);
                }
            } else if (c == quote && i + 1 < text.length() - 1 && text.charAt(i + 1) == quote) {
                value.append(quote);
                i++;
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    private int position(ParserRuleContext ctx) {
        return source.position(ctx.getStart());
    }

    private SqlException unsupported(String what, ParserRuleContext ctx) {
        return new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "This version of WeftDB doesn't yet support '" + what + "'",
                position(ctx));
    }

    private SqlException syntaxError(Token token) {
        return new SqlException(ErrorCode.SYNTAX_ERROR, "You have an error in your SQL syntax near '" + token.getText() + "'",
                source.position(token));
    }
}
