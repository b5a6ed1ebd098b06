package io.weftdb.engine.expr;

import io.weftdb.engine.aggregate.AggregateFunctions;
import io.weftdb.engine.function.ArrayFunctions;
import io.weftdb.engine.function.FunctionRegistry;
import io.weftdb.engine.function.RegexFunctions;
import io.weftdb.engine.value.Casts;
import io.weftdb.engine.value.TextFormat;
import io.weftdb.engine.value.ValueOrder;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.RowValue;
import io.weftdb.ir.type.TypeKind;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Compiles IR expressions against a {@link Scope} into {@link BoundExpr}s: names resolved to row
 * positions, types resolved with PostgreSQL's rules, implicit casts inserted, constants folded.
 */
public final class ExpressionCompiler {
    private final Scope scope;
    private final ParameterTypes parameters;
    private final FunctionRegistry functions;
    private final OuterScopes outer;
    private final SubqueryCompiler subqueries;
    private final Scope scopeForSubqueries;

    /** A compiler for expressions that may not hold subqueries (CHECK, DEFAULT...). */
    public ExpressionCompiler(Scope scope, ParameterTypes parameters) {
        this(scope, parameters, null, null);
    }

    /**
     * @param outer the scopes of the enclosing queries when compiling inside a subquery, else null
     * @param subqueries plans subqueries met in expressions; null where they are not allowed
     */
    public ExpressionCompiler(Scope scope, ParameterTypes parameters, OuterScopes outer, SubqueryCompiler subqueries) {
        this(scope, parameters, outer, subqueries, scope);
    }

    private ExpressionCompiler(Scope scope, ParameterTypes parameters, OuterScopes outer, SubqueryCompiler subqueries,
                               Scope scopeForSubqueries) {
        this.scope = scope;
        this.parameters = parameters;
        this.functions = FunctionRegistry.DEFAULT;
        this.outer = outer;
        this.subqueries = subqueries;
        this.scopeForSubqueries = scopeForSubqueries;
    }

    public ExpressionCompiler withScope(Scope newScope) {
        return new ExpressionCompiler(newScope, parameters, outer, subqueries, newScope);
    }

    /**
     * The same compiler, but subqueries see the row through {@code names}: the same positions under
     * other names, e.g. an aggregation's group keys under the names of the columns they group by.
     */
    public ExpressionCompiler withScopeForSubqueries(Scope names) {
        return new ExpressionCompiler(scope, parameters, outer, subqueries, names);
    }

    /** The enclosing scopes a subquery of this compiler's expressions resolves outer references in. */
    public OuterScopes scopesForSubquery() {
        return new OuterScopes(scopeForSubqueries, outer);
    }

    public OuterScopes outer() {
        return outer;
    }

    public SubqueryCompiler subqueries() {
        return subqueries;
    }

    public Scope scope() {
        return scope;
    }

    public ParameterTypes parameters() {
        return parameters;
    }

    /**
     * Compiles {@code expr}, then folds it to a constant when it reads nothing from the row. A
     * constant that fails to evaluate (1/0) is left unfolded, so it fails when run, without a
     * position, as in PostgreSQL.
     */
    public BoundExpr compile(Expr expr) {
        BoundExpr bound;
        try {
            bound = compileNode(expr);
        } catch (SqlException e) {
            throw e.atPosition(expr.position());
        }
        if (bound.constant() && !(expr instanceof Expr.Literal)) {
            try {
                return BoundExpr.constant(bound.evaluate(null, ConstantContext.INSTANCE), bound.type());
            } catch (SqlException e) {
                return bound;
            }
        }
        return bound;
    }

    /** Compiles a condition (WHERE, CHECK...): it must be boolean (unknown literals are read as boolean). */
    public BoundExpr compileCondition(Expr expr, String clause) {
        BoundExpr bound = compile(expr);
        return coerce(bound, DataType.BOOLEAN, clause, expr.position());
    }

    /**
     * Converts {@code bound} to {@code target} as an assignment does (INSERT, UPDATE): implicit
     * conversions plus the assignment casts PostgreSQL allows; incompatible types raise 42804.
     */
    public BoundExpr coerceForAssignment(BoundExpr bound, DataType target, String columnName, int position) {
        TypeKind from = bound.type().kind();
        TypeKind to = target.kind();
        boolean allowed = from == TypeKind.UNKNOWN || from == to || (from.isNumeric() && to.isNumeric())
                || (from.isString() && to.isString()) || to.isString()
                || (from.isTemporal() && to.isTemporal() && from != TypeKind.TIME && to != TypeKind.TIME)
                || ((from == TypeKind.JSON || from == TypeKind.JSONB) && (to == TypeKind.JSON || to == TypeKind.JSONB));
        if (!allowed) {
            throw new SqlException(ErrorCode.DATATYPE_MISMATCH, "column \"" + columnName + "\" is of type " + target.sqlName()
                    + " but expression is of type " + bound.type().sqlName(), position)
                    .withHint("You will need to rewrite or cast the expression.");
        }
        return LenientAssignment.of(bound, cast(bound, target, Casts.Context.ASSIGNMENT), target, columnName);
    }

    /** Compiles a value assigned to a column, letting a bare parameter take the column's type. */
    public BoundExpr compileAssigned(Expr expr, DataType target, String columnName) {
        BoundExpr bound = withParameterType(expr, compile(expr), target);
        return coerceForAssignment(bound, target, columnName, expr.position());
    }

    private BoundExpr coerce(BoundExpr bound, DataType target, String clause, int position) {
        if (bound.type().kind() == target.kind()) {
            return bound;
        }
        if (bound.type().kind() == TypeKind.UNKNOWN) {
            return cast(bound, target, Casts.Context.IMPLICIT);
        }
        throw new SqlException(ErrorCode.DATATYPE_MISMATCH, "argument of " + clause + " must be type "
                + target.sqlName() + ", not type " + bound.type().sqlName(), position);
    }

    public static BoundExpr cast(BoundExpr bound, DataType target, Casts.Context context) {
        DataType source = bound.type();
        if (source.equals(target) && target.kind() != TypeKind.CHAR) {
            return bound;
        }
        Evaluator input = bound.evaluator();
        // Converting to or from timestamptz reads the session's time zone, which folding while planning does not know.
        boolean zoned = (source.kind() == TypeKind.TIMESTAMPTZ) != (target.kind() == TypeKind.TIMESTAMPTZ);
        return new BoundExpr((row, ctx) -> Casts.cast(input.evaluate(row, ctx), source, target, context, ctx.timeZone()),
                target, bound.constant() && !zoned);
    }

    private BoundExpr compileNode(Expr expr) {
        return switch (expr) {
            case Expr.Literal literal -> BoundExpr.constant(literal.value(), literal.type());
            case Expr.ColumnRef ref -> compileColumn(ref);
            case Expr.Parameter parameter -> compileParameter(parameter.index());
            case Expr.Unary unary -> compileUnary(unary);
            case Expr.Binary binary when rowWise(binary) -> compile(rowComparison(binary.left(), binary.right(),
                    binary.operator() == BinaryOperator.NOT_EQUAL, binary.position()));
            case Expr.Binary binary -> compileBinary(binary);
            case Expr.IsPredicate is -> compileIs(is);
            case Expr.IsDistinctFrom distinct -> compileDistinct(distinct);
            case Expr.Between between -> compileBetween(between);
            case Expr.InList in when rowWise(in) -> compile(rowInList(in));
            case Expr.InList in -> compileInList(in);
            case Expr.Like like -> compileLike(like);
            case Expr.Case caseExpr -> compileCase(caseExpr);
            case Expr.Cast cast -> compileCast(cast);
            case Expr.FunctionCall call -> compileCall(call);
            case Expr.SpecialValue special -> compileSpecial(special);
            case Expr.DefaultValue defaultValue -> throw new SqlException(ErrorCode.SYNTAX_ERROR,
                    "DEFAULT is not allowed in this context", defaultValue.position());
            case Expr.Star star -> throw new SqlException(ErrorCode.SYNTAX_ERROR, "\"*\" is not allowed here", star.position());
            case Expr.InSubquery node -> compileSubquery(node);
            case Expr.Exists node -> compileSubquery(node);
            case Expr.ScalarSubquery node -> compileSubquery(node);
            case Expr.Quantified node -> node.query() != null ? compileSubquery(node) : compileQuantifiedArray(node);
            case Expr.ArrayConstructor node -> ArrayFunctions.construct(
                    node.elements().stream().map(this::compile).toList(), node.position());
            case Expr.Subscript node -> ArrayFunctions.subscript(compile(node.array()), compile(node.index()), node.position());
            case Expr.RowConstructor node -> compileRow(node);
            case Expr.FieldSelection node -> compileFieldSelection(node);
        };
    }

    /** ROW(a, b) or (a, b) as a value: an anonymous record with fields f1, f2... (PostgreSQL's names). */
    private BoundExpr compileRow(Expr.RowConstructor node) {
        List<BoundExpr> fields = new ArrayList<>();
        List<DataType.Field> types = new ArrayList<>();
        boolean constant = true;
        for (Expr field : node.fields()) {
            BoundExpr bound = compile(field);
            if (bound.type().kind() == TypeKind.UNKNOWN) {
                bound = cast(bound, DataType.TEXT, Casts.Context.IMPLICIT);
            }
            fields.add(bound);
            types.add(new DataType.Field("f" + (types.size() + 1), bound.type()));
            constant &= bound.constant();
        }
        Evaluator[] evaluators = fields.stream().map(BoundExpr::evaluator).toArray(Evaluator[]::new);
        return new BoundExpr((row, context) -> {
            Object[] values = new Object[evaluators.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = evaluators[i].evaluate(row, context);
            }
            return RowValue.of(values);
        }, DataType.record(types), constant);
    }

    /** {@code (record).field}. */
    private BoundExpr compileFieldSelection(Expr.FieldSelection node) {
        BoundExpr value = compile(node.value());
        if (value.type().kind() != TypeKind.RECORD) {
            throw new SqlException(ErrorCode.WRONG_OBJECT_TYPE, "column notation ." + node.field() + " applied to type "
                    + value.type().sqlName() + ", which is not a composite type", node.position());
        }
        int index = value.type().fieldIndex(node.field());
        if (index < 0) {
            throw new SqlException(ErrorCode.UNDEFINED_COLUMN, "could not identify column \"" + node.field()
                    + "\" in record data type", node.position());
        }
        Evaluator record = value.evaluator();
        return new BoundExpr((row, context) -> record.evaluate(row, context) instanceof RowValue fields
                ? fields.values().get(index) : null, value.type().fields().get(index).type(), value.constant());
    }

    /** {@code x op ANY (array)}: a bare parameter for the array is an array of x's type ($1 in id = ANY($1)). */
    private BoundExpr compileQuantifiedArray(Expr.Quantified node) {
        BoundExpr left = compile(node.left());
        BoundExpr array = compile(node.array());
        if (left.type().kind() != TypeKind.UNKNOWN) {
            array = withParameterType(node.array(), array, DataType.arrayOf(TypeRules.generic(left.type())));
        }
        return ArrayFunctions.quantified(node.operator(), left, array, node.quantifier() == Expr.Quantifier.ALL,
                node.position());
    }

    /** A column of this query's row, else of an enclosing query's (a correlated reference). */
    private BoundExpr compileColumn(Expr.ColumnRef ref) {
        int index = scope.find(ref.name(), ref.position());
        if (index >= 0) {
            return new BoundExpr((row, context) -> row[index], scope.columns().get(index).type(), false);
        }
        OuterScopes.Reference reference = outer == null ? null : outer.find(ref.name(), ref.position());
        if (reference == null) {
            BoundExpr wholeRow = ref.name().size() == 1 ? wholeRow(ref.name().name()) : null;
            if (wholeRow != null) {
                return wholeRow;
            }
            scope.resolve(ref.name(), ref.position()); // raises the 42703/42P01 error
            throw new IllegalStateException("unresolvable column resolved");
        }
        int levelsUp = reference.levelsUp();
        int outerIndex = reference.index();
        return new BoundExpr((row, context) -> context.outerRow(levelsUp)[outerIndex], reference.column().type(), false);
    }

    /**
     * A relation's name used as a value ({@code SELECT t FROM t}, {@code row_to_json(t)}): its row
     * as a record whose fields are the relation's columns, or null when no relation has the name.
     */
    private BoundExpr wholeRow(String relation) {
        List<Integer> positions = new ArrayList<>();
        List<DataType.Field> fields = new ArrayList<>();
        for (int i = 0; i < scope.columns().size(); i++) {
            Scope.Column column = scope.columns().get(i);
            if (relation.equals(column.relation())) {
                positions.add(i);
                fields.add(new DataType.Field(column.name(), column.type()));
            }
        }
        if (positions.isEmpty()) {
            return null;
        }
        int[] indexes = positions.stream().mapToInt(Integer::intValue).toArray();
        return new BoundExpr((row, context) -> {
            Object[] values = new Object[indexes.length];
            for (int i = 0; i < indexes.length; i++) {
                values[i] = row[indexes[i]];
            }
            return RowValue.of(values);
        }, DataType.record(fields), false);
    }

    private BoundExpr compileSubquery(Expr subquery) {
        if (subqueries == null) {
            throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot use subquery here", subquery.position());
        }
        return subqueries.compile(subquery, this);
    }

    private static BoundExpr unsupported(String what, int position) {
        throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, what + " are not supported yet", position);
    }

    private BoundExpr compileParameter(int index) {
        parameters.noteUse(index);
        ParameterTypes types = parameters;
        return new BoundExpr((row, context) -> context.parameter(index, types.get(index)), DataType.UNKNOWN, false);
    }

    /** A parameter's type is known only after inference; re-wrap it with the inferred type. */
    private BoundExpr withParameterType(Expr source, BoundExpr bound, DataType inferred) {
        if (source instanceof Expr.Parameter parameter && bound.type().kind() == TypeKind.UNKNOWN
                && inferred.kind() != TypeKind.UNKNOWN) {
            parameters.infer(parameter.index(), inferred);
            return new BoundExpr(bound.evaluator(), parameters.get(parameter.index()), false);
        }
        return bound;
    }

    private BoundExpr compileUnary(Expr.Unary unary) {
        BoundExpr operand = compile(unary.operand());
        Evaluator input = operand.evaluator();
        DataType type = operand.type();
        return switch (unary.operator()) {
            case NOT -> {
                BoundExpr condition = coerce(operand, DataType.BOOLEAN, "NOT", unary.position());
                Evaluator evaluator = condition.evaluator();
                yield new BoundExpr((row, context) -> {
                    Object value = evaluator.evaluate(row, context);
                    return value == null ? null : !(Boolean) value;
                }, DataType.BOOLEAN, operand.constant());
            }
            case PLUS -> operand;
            case MINUS -> {
                DataType resultType = type.kind() == TypeKind.UNKNOWN ? DataType.NUMERIC : TypeRules.generic(type);
                BoundExpr numeric = type.kind() == TypeKind.UNKNOWN ? cast(operand, resultType, Casts.Context.IMPLICIT) : operand;
                Evaluator evaluator = numeric.evaluator();
                yield new BoundExpr((row, context) -> {
                    Object value = evaluator.evaluate(row, context);
                    return switch (value) {
                        case null -> null;
                        case Long l -> Arithmetic.integer(BinaryOperator.SUBTRACT, 0, l, resultType);
                        case Double d -> -d;
                        case BigDecimal d -> d.negate();
                        case io.weftdb.ir.type.Interval i -> i.negate();
                        default -> throw new SqlException(ErrorCode.UNDEFINED_FUNCTION,
                                "operator does not exist: - " + resultType.sqlName());
                    };
                }, resultType, operand.constant());
            }
            case BITWISE_NOT -> new BoundExpr((row, context) -> {
                Object value = input.evaluate(row, context);
                return value == null ? null : ~(Long) value;
            }, type, operand.constant());
        };
    }

    private BoundExpr compileBinary(Expr.Binary binary) {
        BinaryOperator operator = binary.operator();
        if (operator == BinaryOperator.AND || operator == BinaryOperator.OR) {
            return compileLogical(binary);
        }
        BoundExpr left = compile(binary.left());
        BoundExpr right = compile(binary.right());
        left = withParameterType(binary.left(), left, right.type());
        right = withParameterType(binary.right(), right, left.type());
        // Operators on json, arrays and intervals live in the function library.
        BoundExpr library = functions.bindOperator(operator.symbol(), left, right);
        if (library != null) {
            return library;
        }
        if (libraryOnly(operator)) {
            throw new SqlException(ErrorCode.UNDEFINED_FUNCTION, "operator does not exist: " + left.type().sqlName() + " "
                    + operator.symbol() + " " + right.type().sqlName(), binary.position())
                    .withHint("No operator matches the given name and argument types. You might need to add explicit type casts.");
        }
        if (operator.isComparison()) {
            return compileComparison(operator, left, right, binary.position());
        }
        if (operator == BinaryOperator.CONCAT) {
            return compileConcat(left, right);
        }
        if (operator == BinaryOperator.REGEX_MATCH || operator == BinaryOperator.REGEX_IMATCH
                || operator == BinaryOperator.REGEX_NOT_MATCH || operator == BinaryOperator.REGEX_NOT_IMATCH) {
            return compileRegex(operator, left, right);
        }
        return compileArithmetic(operator, left, right, binary.position());
    }

    /** Operators that only the function library defines (on json and arrays): no built-in fallback. */
    private static boolean libraryOnly(BinaryOperator operator) {
        return switch (operator) {
            case JSON_GET, JSON_GET_TEXT, JSON_PATH, JSON_PATH_TEXT, CONTAINS, CONTAINED_BY, HAS_KEY, HAS_ANY_KEY,
                 HAS_ALL_KEYS, OVERLAPS -> true;
            default -> false;
        };
    }

    private BoundExpr compileLogical(Expr.Binary binary) {
        boolean and = binary.operator() == BinaryOperator.AND;
        Evaluator left = compileCondition(binary.left(), and ? "AND" : "OR").evaluator();
        Evaluator right = compileCondition(binary.right(), and ? "AND" : "OR").evaluator();
        boolean constant = false;
        Evaluator evaluator = and ? (row, context) -> {
            Object a = left.evaluate(row, context);
            if (Boolean.FALSE.equals(a)) {
                return false;
            }
            Object b = right.evaluate(row, context);
            if (Boolean.FALSE.equals(b)) {
                return false;
            }
            return a == null || b == null ? null : true;
        } : (row, context) -> {
            Object a = left.evaluate(row, context);
            if (Boolean.TRUE.equals(a)) {
                return true;
            }
            Object b = right.evaluate(row, context);
            if (Boolean.TRUE.equals(b)) {
                return true;
            }
            return a == null || b == null ? null : false;
        };
        return new BoundExpr(evaluator, DataType.BOOLEAN, constant);
    }

    /** Both sides converted to their common type; the result of comparing them. */
    public BoundExpr compileComparison(BinaryOperator operator, BoundExpr left, BoundExpr right, int position) {
        DataType common = TypeRules.concrete(TypeRules.commonType(left.type(), right.type(), operator.symbol(), position));
        Evaluator a = cast(left, common, Casts.Context.IMPLICIT).evaluator();
        Evaluator b = cast(right, common, Casts.Context.IMPLICIT).evaluator();
        boolean padded = common.kind() == TypeKind.CHAR;
        Evaluator evaluator = switch (operator) {
            case EQUAL -> (row, context) -> {
                Object x = a.evaluate(row, context);
                Object y = x == null ? null : b.evaluate(row, context);
                return y == null ? null : compare(x, y, padded) == 0;
            };
            case NOT_EQUAL -> (row, context) -> {
                Object x = a.evaluate(row, context);
                Object y = x == null ? null : b.evaluate(row, context);
                return y == null ? null : compare(x, y, padded) != 0;
            };
            case LESS -> (row, context) -> {
                Object x = a.evaluate(row, context);
                Object y = x == null ? null : b.evaluate(row, context);
                return y == null ? null : compare(x, y, padded) < 0;
            };
            case LESS_EQUAL -> (row, context) -> {
                Object x = a.evaluate(row, context);
                Object y = x == null ? null : b.evaluate(row, context);
                return y == null ? null : compare(x, y, padded) <= 0;
            };
            case GREATER -> (row, context) -> {
                Object x = a.evaluate(row, context);
                Object y = x == null ? null : b.evaluate(row, context);
                return y == null ? null : compare(x, y, padded) > 0;
            };
            case GREATER_EQUAL -> (row, context) -> {
                Object x = a.evaluate(row, context);
                Object y = x == null ? null : b.evaluate(row, context);
                return y == null ? null : compare(x, y, padded) >= 0;
            };
            default -> throw new IllegalArgumentException(operator.toString());
        };
        return new BoundExpr(evaluator, DataType.BOOLEAN, left.constant() && right.constant());
    }

    /** char(n) compares without its trailing blanks, as PostgreSQL's bpchar does. */
    private static int compare(Object x, Object y, boolean padded) {
        if (padded) {
            return ValueOrder.compareStrings(((String) x).stripTrailing(), ((String) y).stripTrailing());
        }
        return ValueOrder.compare(x, y);
    }

    private BoundExpr compileConcat(BoundExpr left, BoundExpr right) {
        Evaluator a = left.evaluator();
        Evaluator b = right.evaluator();
        DataType leftType = left.type();
        DataType rightType = right.type();
        return new BoundExpr((row, context) -> {
            Object x = a.evaluate(row, context);
            if (x == null) {
                return null;
            }
            Object y = b.evaluate(row, context);
            if (y == null) {
                return null;
            }
            return text(x, leftType, context) + text(y, rightType, context);
        }, DataType.TEXT, left.constant() && right.constant());
    }

    private static String text(Object value, DataType type, EvaluationContext context) {
        return type.kind() == TypeKind.CHAR ? ((String) value).stripTrailing() : TextFormat.format(value, type, context.timeZone());
    }

    private BoundExpr compileRegex(BinaryOperator operator, BoundExpr left, BoundExpr right) {
        boolean insensitive = operator == BinaryOperator.REGEX_IMATCH || operator == BinaryOperator.REGEX_NOT_IMATCH;
        boolean negated = operator == BinaryOperator.REGEX_NOT_MATCH || operator == BinaryOperator.REGEX_NOT_IMATCH;
        Evaluator a = cast(left, DataType.TEXT, Casts.Context.IMPLICIT).evaluator();
        Evaluator b = cast(right, DataType.TEXT, Casts.Context.IMPLICIT).evaluator();
        return new BoundExpr((row, context) -> {
            Object x = a.evaluate(row, context);
            Object y = x == null ? null : b.evaluate(row, context);
            if (y == null) {
                return null;
            }
            return RegexFunctions.find((String) x, (String) y, insensitive) != negated;
        }, DataType.BOOLEAN, left.constant() && right.constant());
    }

    private BoundExpr compileArithmetic(BinaryOperator operator, BoundExpr left, BoundExpr right, int position) {
        TypeKind a = left.type().kind();
        TypeKind b = right.type().kind();
        boolean temporal = a.isTemporal() || b.isTemporal() || a == TypeKind.INTERVAL || b == TypeKind.INTERVAL;
        if (temporal) {
            return compileTemporalArithmetic(operator, left, right, position);
        }
        DataType common;
        if (a == TypeKind.UNKNOWN && b == TypeKind.UNKNOWN) {
            common = DataType.NUMERIC;
        } else {
            common = TypeRules.commonType(left.type(), right.type(), operator.symbol(), position);
        }
        if (!common.kind().isNumeric()) {
            throw new SqlException(ErrorCode.UNDEFINED_FUNCTION, "operator does not exist: " + left.type().sqlName() + " "
                    + operator.symbol() + " " + right.type().sqlName(), position)
                    .withHint("No operator matches the given name and argument types. You might need to add explicit type casts.");
        }
        DataType resultType = operator == BinaryOperator.POWER && common.kind().isInteger() ? DataType.DOUBLE : common;
        Evaluator x = cast(left, resultType, Casts.Context.IMPLICIT).evaluator();
        Evaluator y = cast(right, resultType, Casts.Context.IMPLICIT).evaluator();
        boolean constant = left.constant() && right.constant();
        Evaluator evaluator = switch (resultType.kind()) {
            case SMALLINT, INTEGER, BIGINT -> (row, context) -> {
                Object p = x.evaluate(row, context);
                Object q = p == null ? null : y.evaluate(row, context);
                return q == null ? null : Arithmetic.integer(operator, (Long) p, (Long) q, resultType);
            };
            case REAL, DOUBLE -> {
                boolean single = resultType.kind() == TypeKind.REAL;
                yield (row, context) -> {
                    Object p = x.evaluate(row, context);
                    Object q = p == null ? null : y.evaluate(row, context);
                    return q == null ? null : Arithmetic.floating(operator, (Double) p, (Double) q, single);
                };
            }
            default -> (row, context) -> {
                Object p = x.evaluate(row, context);
                Object q = p == null ? null : y.evaluate(row, context);
                return q == null ? null : Arithmetic.numeric(operator, (BigDecimal) p, (BigDecimal) q);
            };
        };
        return new BoundExpr(evaluator, resultType, constant);
    }

    private BoundExpr compileTemporalArithmetic(BinaryOperator operator, BoundExpr left, BoundExpr right, int position) {
        BoundExpr l = left;
        BoundExpr r = right;
        if (l.type().kind() == TypeKind.UNKNOWN) {
            l = cast(l, r.type().kind() == TypeKind.INTERVAL && operator == BinaryOperator.SUBTRACT
                    ? DataType.TIMESTAMP : DataType.INTERVAL, Casts.Context.IMPLICIT);
        }
        if (r.type().kind() == TypeKind.UNKNOWN) {
            r = cast(r, l.type().kind() == TypeKind.DATE && operator == BinaryOperator.SUBTRACT
                    ? DataType.DATE : DataType.INTERVAL, Casts.Context.IMPLICIT);
        }
        TypeKind a = l.type().kind();
        TypeKind b = r.type().kind();
        DataType resultType = temporalResult(operator, a, b);
        if (resultType == null) {
            throw new SqlException(ErrorCode.UNDEFINED_FUNCTION, "operator does not exist: " + l.type().sqlName() + " "
                    + operator.symbol() + " " + r.type().sqlName(), position);
        }
        Evaluator x = l.evaluator();
        Evaluator y = r.evaluator();
        return new BoundExpr((row, context) -> {
            Object p = x.evaluate(row, context);
            Object q = p == null ? null : y.evaluate(row, context);
            return q == null ? null : Arithmetic.temporal(operator, p, a, q, b);
        }, resultType, l.constant() && r.constant());
    }

    private static DataType temporalResult(BinaryOperator operator, TypeKind a, TypeKind b) {
        if (operator == BinaryOperator.ADD || operator == BinaryOperator.SUBTRACT) {
            if (a == TypeKind.DATE && b.isInteger() || operator == BinaryOperator.ADD && a.isInteger() && b == TypeKind.DATE) {
                return DataType.DATE;
            }
            if (operator == BinaryOperator.SUBTRACT && a == TypeKind.DATE && b == TypeKind.DATE) {
                return DataType.INTEGER;
            }
            if (a == TypeKind.INTERVAL && b == TypeKind.INTERVAL) {
                return DataType.INTERVAL;
            }
            TypeKind other = b == TypeKind.INTERVAL ? a : (operator == BinaryOperator.ADD && a == TypeKind.INTERVAL ? b : null);
            if (other != null) {
                return switch (other) {
                    case DATE, TIMESTAMP -> DataType.TIMESTAMP;
                    case TIMESTAMPTZ -> DataType.TIMESTAMPTZ;
                    case TIME -> DataType.TIME;
                    default -> null;
                };
            }
            if (operator == BinaryOperator.SUBTRACT && a == b && (a == TypeKind.TIMESTAMP || a == TypeKind.TIMESTAMPTZ)) {
                return DataType.INTERVAL;
            }
        }
        return null;
    }

    private BoundExpr compileIs(Expr.IsPredicate is) {
        BoundExpr operand = compile(is.operand());
        Evaluator input = operand.evaluator();
        boolean negated = is.negated();
        Evaluator evaluator = switch (is.test()) {
            case NULL -> (row, context) -> (input.evaluate(row, context) == null) != negated;
            case UNKNOWN -> (row, context) -> (input.evaluate(row, context) == null) != negated;
            case TRUE -> (row, context) -> Boolean.TRUE.equals(input.evaluate(row, context)) != negated;
            case FALSE -> (row, context) -> Boolean.FALSE.equals(input.evaluate(row, context)) != negated;
        };
        return new BoundExpr(evaluator, DataType.BOOLEAN, operand.constant());
    }

    private BoundExpr compileDistinct(Expr.IsDistinctFrom distinct) {
        BoundExpr left = compile(distinct.left());
        BoundExpr right = compile(distinct.right());
        left = withParameterType(distinct.left(), left, right.type());
        right = withParameterType(distinct.right(), right, left.type());
        DataType common = TypeRules.concrete(TypeRules.commonType(left.type(), right.type(), "IS DISTINCT FROM",
                distinct.position()));
        Evaluator a = cast(left, common, Casts.Context.IMPLICIT).evaluator();
        Evaluator b = cast(right, common, Casts.Context.IMPLICIT).evaluator();
        boolean negated = distinct.negated();
        return new BoundExpr((row, context) -> {
            Object x = a.evaluate(row, context);
            Object y = b.evaluate(row, context);
            boolean different = x == null || y == null ? x != y : ValueOrder.compare(x, y) != 0;
            return different != negated;
        }, DataType.BOOLEAN, left.constant() && right.constant());
    }

    private BoundExpr compileBetween(Expr.Between between) {
        Expr.Binary low = new Expr.Binary(BinaryOperator.GREATER_EQUAL, between.operand(), between.low(), between.position());
        Expr.Binary high = new Expr.Binary(BinaryOperator.LESS_EQUAL, between.operand(), between.high(), between.position());
        Expr condition = new Expr.Binary(BinaryOperator.AND, low, high, between.position());
        if (between.symmetric()) {
            Expr.Binary lowSwapped = new Expr.Binary(BinaryOperator.GREATER_EQUAL, between.operand(), between.high(), between.position());
            Expr.Binary highSwapped = new Expr.Binary(BinaryOperator.LESS_EQUAL, between.operand(), between.low(), between.position());
            condition = new Expr.Binary(BinaryOperator.OR, condition,
                    new Expr.Binary(BinaryOperator.AND, lowSwapped, highSwapped, between.position()), between.position());
        }
        if (between.negated()) {
            condition = new Expr.Unary(io.weftdb.ir.expr.UnaryOperator.NOT, condition, between.position());
        }
        return compileNode(condition);
    }

    /** {@code (a, b) = (x, y)} or {@code <>}: rows of the same width compared field by field. */
    private static boolean rowWise(Expr.Binary binary) {
        return (binary.operator() == BinaryOperator.EQUAL || binary.operator() == BinaryOperator.NOT_EQUAL)
                && binary.left() instanceof Expr.RowConstructor left && binary.right() instanceof Expr.RowConstructor right
                && left.fields().size() == right.fields().size();
    }

    /** {@code (a, b) IN ((x, y), ...)}: a row operand and rows of its width. */
    private static boolean rowWise(Expr.InList in) {
        return in.operand() instanceof Expr.RowConstructor operand && in.values().stream()
                .allMatch(value -> value instanceof Expr.RowConstructor row && row.fields().size() == operand.fields().size());
    }

    /**
     * Row equality as PostgreSQL defines it: {@code a = x AND b = y}, so true when every pair is
     * equal, false when one pair differs, else NULL; {@code <>} is its negation, {@code a <> x OR b <> y}.
     */
    private static Expr rowComparison(Expr left, Expr right, boolean notEqual, int position) {
        List<Expr> leftFields = ((Expr.RowConstructor) left).fields();
        List<Expr> rightFields = ((Expr.RowConstructor) right).fields();
        Expr result = null;
        for (int i = 0; i < leftFields.size(); i++) {
            Expr pair = new Expr.Binary(notEqual ? BinaryOperator.NOT_EQUAL : BinaryOperator.EQUAL, leftFields.get(i),
                    rightFields.get(i), position);
            result = result == null ? pair
                    : new Expr.Binary(notEqual ? BinaryOperator.OR : BinaryOperator.AND, result, pair, position);
        }
        return result;
    }

    /** A row IN list: the row equal to any of the rows (NOT IN: to none), with SQL's NULL rules throughout. */
    private static Expr rowInList(Expr.InList in) {
        Expr any = null;
        for (Expr value : in.values()) {
            Expr equal = rowComparison(in.operand(), value, false, in.position());
            any = any == null ? equal : new Expr.Binary(BinaryOperator.OR, any, equal, in.position());
        }
        return in.negated() ? new Expr.Unary(io.weftdb.ir.expr.UnaryOperator.NOT, any, in.position()) : any;
    }

    private BoundExpr compileInList(Expr.InList in) {
        BoundExpr operand = compile(in.operand());
        List<BoundExpr> values = new ArrayList<>();
        DataType common = operand.type();
        for (Expr value : in.values()) {
            BoundExpr bound = withParameterType(value, compile(value), operand.type());
            values.add(bound);
            common = TypeRules.commonType(common, bound.type(), "IN", value.position());
        }
        common = TypeRules.concrete(common);
        operand = withParameterType(in.operand(), operand, common);
        Evaluator subject = cast(operand, common, Casts.Context.IMPLICIT).evaluator();
        List<Evaluator> candidates = new ArrayList<>();
        boolean constant = operand.constant();
        for (BoundExpr value : values) {
            candidates.add(cast(value, common, Casts.Context.IMPLICIT).evaluator());
            constant &= value.constant();
        }
        boolean negated = in.negated();
        return new BoundExpr((row, context) -> {
            Object x = subject.evaluate(row, context);
            if (x == null) {
                return null;
            }
            boolean sawNull = false;
            for (Evaluator candidate : candidates) {
                Object y = candidate.evaluate(row, context);
                if (y == null) {
                    sawNull = true;
                } else if (ValueOrder.compare(x, y) == 0) {
                    return !negated;
                }
            }
            return sawNull ? null : negated;
        }, DataType.BOOLEAN, constant);
    }

    private BoundExpr compileLike(Expr.Like like) {
        BoundExpr operand = cast(compile(like.operand()), DataType.TEXT, Casts.Context.IMPLICIT);
        BoundExpr pattern = cast(compile(like.pattern()), DataType.TEXT, Casts.Context.IMPLICIT);
        BoundExpr escape = like.escape() == null ? BoundExpr.constant("\\", DataType.TEXT)
                : cast(compile(like.escape()), DataType.TEXT, Casts.Context.IMPLICIT);
        Evaluator subject = operand.evaluator();
        Evaluator patternEvaluator = pattern.evaluator();
        Evaluator escapeEvaluator = escape.evaluator();
        Expr.LikeKind kind = like.kind();
        boolean negated = like.negated();
        Pattern precompiled = pattern.constant() && escape.constant()
                ? likePattern((String) pattern.evaluate(null, ConstantContext.INSTANCE),
                (String) escape.evaluate(null, ConstantContext.INSTANCE), kind) : null;
        return new BoundExpr((row, context) -> {
            Object text = subject.evaluate(row, context);
            if (text == null) {
                return null;
            }
            Pattern compiled = precompiled;
            if (compiled == null) {
                Object p = patternEvaluator.evaluate(row, context);
                Object e = escapeEvaluator.evaluate(row, context);
                if (p == null || e == null) {
                    return null;
                }
                compiled = likePattern((String) p, (String) e, kind);
            }
            return compiled == null ? null : compiled.matcher((String) text).matches() != negated;
        }, DataType.BOOLEAN, operand.constant() && pattern.constant() && escape.constant());
    }

    /** Translates a LIKE/ILIKE/SIMILAR TO pattern into a Java regex (null pattern: null). */
    static Pattern likePattern(String pattern, String escape, Expr.LikeKind kind) {
        if (pattern == null || escape == null) {
            return null;
        }
        if (escape.length() > 1) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid escape string")
                    .withHint("Escape string must be empty or one character.");
        }
        StringBuilder regex = new StringBuilder();
        char escapeChar = escape.isEmpty() ? 0 : escape.charAt(0);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (escapeChar != 0 && c == escapeChar) {
                if (++i >= pattern.length()) {
                    throw new SqlException(ErrorCode.INVALID_ESCAPE_SEQUENCE, "LIKE pattern must not end with escape character");
                }
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else if (kind == Expr.LikeKind.SIMILAR && "|*+?()[]{}".indexOf(c) >= 0) {
                regex.append(c);
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        int flags = Pattern.DOTALL | (kind == Expr.LikeKind.ILIKE ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Pattern.compile(regex.toString(), flags);
    }

    private BoundExpr compileCase(Expr.Case caseExpr) {
        BoundExpr operand = caseExpr.operand() == null ? null : compile(caseExpr.operand());
        List<BoundExpr> conditions = new ArrayList<>();
        List<BoundExpr> results = new ArrayList<>();
        DataType resultType = DataType.UNKNOWN;
        for (Expr.WhenClause when : caseExpr.whens()) {
            if (operand == null) {
                conditions.add(compileCondition(when.condition(), "CASE/WHEN"));
            } else {
                BoundExpr value = compile(when.condition());
                conditions.add(compileComparison(BinaryOperator.EQUAL, operand, value, when.condition().position()));
            }
            BoundExpr result = compile(when.result());
            results.add(result);
            resultType = TypeRules.commonType(resultType, result.type(), "CASE", when.result().position());
        }
        BoundExpr elseResult = caseExpr.elseResult() == null ? BoundExpr.constant(null, DataType.UNKNOWN)
                : compile(caseExpr.elseResult());
        resultType = TypeRules.concrete(TypeRules.commonType(resultType, elseResult.type(), "CASE", caseExpr.position()));
        List<Evaluator> conditionEvaluators = conditions.stream().map(BoundExpr::evaluator).toList();
        List<Evaluator> resultEvaluators = new ArrayList<>();
        boolean constant = elseResult.constant();
        for (int i = 0; i < results.size(); i++) {
            resultEvaluators.add(cast(results.get(i), resultType, Casts.Context.IMPLICIT).evaluator());
            constant &= results.get(i).constant() && conditions.get(i).constant();
        }
        Evaluator otherwise = cast(elseResult, resultType, Casts.Context.IMPLICIT).evaluator();
        return new BoundExpr((row, context) -> {
            for (int i = 0; i < conditionEvaluators.size(); i++) {
                if (Boolean.TRUE.equals(conditionEvaluators.get(i).evaluate(row, context))) {
                    return resultEvaluators.get(i).evaluate(row, context);
                }
            }
            return otherwise.evaluate(row, context);
        }, resultType, constant);
    }

    private BoundExpr compileCast(Expr.Cast castExpr) {
        BoundExpr operand = compile(castExpr.operand());
        operand = withParameterType(castExpr.operand(), operand, castExpr.type());
        return cast(operand, castExpr.type(), Casts.Context.EXPLICIT);
    }

    private BoundExpr compileCall(Expr.FunctionCall call) {
        // The query planner replaces the aggregates of a select list, HAVING and ORDER BY by references
        // to the aggregation's output, so an aggregate reaching here is in a clause that cannot hold one.
        if (call.over() == null && call.name().size() == 1 && AggregateFunctions.isAggregate(call.name().name())) {
            throw new SqlException(ErrorCode.GROUPING_ERROR, "aggregate functions are not allowed here", call.position());
        }
        if (call.over() != null) {
            throw new SqlException(ErrorCode.WINDOWING_ERROR, "window functions are not allowed here", call.position());
        }
        if (call.distinct() || call.filter() != null || !call.orderBy().isEmpty()) {
            throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "aggregate and window functions are not supported yet",
                    call.position());
        }
        String name = call.name().name();
        if (call.name().size() > 1 && !"pg_catalog".equals(call.name().qualifier())) {
            throw new SqlException(ErrorCode.UNDEFINED_FUNCTION, "function " + call.name() + " does not exist", call.position());
        }
        if (call.starArgument()) {
            throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "aggregate functions are not supported yet", call.position());
        }
        List<BoundExpr> arguments = new ArrayList<>();
        for (Expr argument : call.arguments()) {
            arguments.add(compile(argument));
        }
        String function = name.toLowerCase(Locale.ROOT);
        inferParameterArguments(function, call.arguments(), arguments);
        return functions.bind(function, arguments, call.position());
    }

    /** A bare parameter passed to a function takes the type the function expects there ($1 in lower($1) is text). */
    private void inferParameterArguments(String function, List<Expr> sources, List<BoundExpr> arguments) {
        boolean untypedParameter = false;
        for (int i = 0; i < sources.size(); i++) {
            untypedParameter |= sources.get(i) instanceof Expr.Parameter && arguments.get(i).type().kind() == TypeKind.UNKNOWN;
        }
        List<DataType> expected = untypedParameter ? functions.argumentTypes(function, arguments) : null;
        if (expected == null) {
            return;
        }
        for (int i = 0; i < sources.size(); i++) {
            arguments.set(i, withParameterType(sources.get(i), arguments.get(i), expected.get(i)));
        }
    }

    private BoundExpr compileSpecial(Expr.SpecialValue special) {
        return switch (special.kind()) {
            case CURRENT_TIMESTAMP -> new BoundExpr((row, context) -> context.transactionTimestamp(), DataType.TIMESTAMPTZ, false);
            case LOCALTIMESTAMP -> new BoundExpr((row, context) ->
                    LocalDateTime.ofInstant(context.transactionTimestamp(), context.timeZone()), DataType.TIMESTAMP, false);
            case CURRENT_DATE -> new BoundExpr((row, context) ->
                    LocalDateTime.ofInstant(context.transactionTimestamp(), context.timeZone()).toLocalDate(), DataType.DATE, false);
            case CURRENT_TIME, LOCALTIME -> new BoundExpr((row, context) ->
                    LocalDateTime.ofInstant(context.transactionTimestamp(), context.timeZone()).toLocalTime(), DataType.TIME, false);
            case CURRENT_USER, SESSION_USER, USER -> new BoundExpr((row, context) -> context.currentUser(), DataType.TEXT, false);
            case CURRENT_SCHEMA -> new BoundExpr((row, context) -> context.currentSchema(), DataType.TEXT, false);
            case CURRENT_CATALOG -> new BoundExpr((row, context) -> context.currentDatabase(), DataType.TEXT, false);
        };
    }
}
