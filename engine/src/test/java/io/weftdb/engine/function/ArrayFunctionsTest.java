package io.weftdb.engine.function;

import static io.weftdb.engine.function.FunctionCalls.call;
import static io.weftdb.engine.function.FunctionCalls.integer;
import static io.weftdb.engine.function.FunctionCalls.literal;
import static io.weftdb.engine.function.FunctionCalls.nullOf;
import static io.weftdb.engine.function.FunctionCalls.operator;
import static io.weftdb.engine.function.FunctionCalls.text;
import static io.weftdb.engine.function.FunctionCalls.typed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.value.TextFormat;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.type.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values are PostgreSQL 15's answers to the same calls. */
class ArrayFunctionsTest {
    private static final DataType INT_ARRAY = DataType.arrayOf(DataType.INTEGER);

    private static BoundExpr ints(String text) {
        return typed(text, INT_ARRAY);
    }

    private static String show(BoundExpr bound) {
        return TextFormat.format(bound.evaluate(null, FunctionCalls.FixedContext.UTC), bound.type());
    }

    @Test
    void constructorTakesTheElementsCommonType() {
        BoundExpr array = ArrayFunctions.construct(List.of(integer(1), typed("2.5", DataType.NUMERIC)), 0);
        assertThat(array.type()).isEqualTo(DataType.arrayOf(DataType.NUMERIC));
        assertThat(show(array)).isEqualTo("{1,2.5}");
        assertThat(show(ArrayFunctions.construct(List.of(literal("a"), nullOf(DataType.UNKNOWN)), 0))).isEqualTo("{a,NULL}");
    }

    @Test
    void subscriptsAreOneBasedAndNullOutsideTheArray() {
        assertThat(show(ArrayFunctions.subscript(ints("{1,2,3}"), integer(2), 0))).isEqualTo("2");
        assertThat(show(ArrayFunctions.subscript(ints("{1,2,3}"), integer(0), 0))).isNull();
        assertThat(show(ArrayFunctions.subscript(ints("{1,2,3}"), integer(5), 0))).isNull();
        assertThatThrownBy(() -> ArrayFunctions.subscript(integer(1), integer(1), 0))
                .isInstanceOf(SqlException.class)
                .extracting(e -> ((SqlException) e).code()).isEqualTo(ErrorCode.DATATYPE_MISMATCH);
    }

    @Test
    void jsonbSubscriptsAreKeyAndIndexAccess() {
        BoundExpr document = typed("{\"a\":{\"b\":[1,2,3]}}", DataType.JSONB);
        BoundExpr inner = ArrayFunctions.subscript(document, literal("a"), 0);
        assertThat(show(ArrayFunctions.subscript(ArrayFunctions.subscript(inner, literal("b"), 0), integer(-1), 0)))
                .isEqualTo("3");
        assertThat(show(ArrayFunctions.subscript(document, literal("x"), 0))).isNull();
    }

    @Test
    void anyAndAllFollowThreeValuedLogic() {
        assertThat(show(ArrayFunctions.quantified(BinaryOperator.EQUAL, integer(2), ints("{1,2,3}"), false, 0))).isEqualTo("t");
        assertThat(show(ArrayFunctions.quantified(BinaryOperator.NOT_EQUAL, integer(2), ints("{1,3}"), true, 0))).isEqualTo("t");
        assertThat(show(ArrayFunctions.quantified(BinaryOperator.EQUAL, integer(1), ints("{NULL,2}"), false, 0))).isNull();
        assertThat(show(ArrayFunctions.quantified(BinaryOperator.GREATER, integer(0), ints("{1,NULL}"), true, 0))).isEqualTo("f");
        assertThat(show(ArrayFunctions.quantified(BinaryOperator.EQUAL, integer(1), ints("{}"), true, 0))).isEqualTo("t");
        assertThat(show(ArrayFunctions.quantified(BinaryOperator.EQUAL, integer(1), literal("{1,2}"), false, 0))).isEqualTo("t");
    }

    @Test
    void dimensionsOfOneDimensionalArrays() {
        assertThat(call("array_length", ints("{1,2,3}"), integer(1))).isEqualTo("3");
        assertThat(call("array_length", ints("{1,2}"), integer(2))).isNull();
        assertThat(call("array_length", ints("{}"), integer(1))).isNull();
        assertThat(call("cardinality", ints("{1,2,3}"))).isEqualTo("3");
        assertThat(call("array_upper", ints("{1,2}"), integer(1))).isEqualTo("2");
        assertThat(call("array_lower", ints("{1,2}"), integer(1))).isEqualTo("1");
        assertThat(call("array_dims", ints("{1,2}"))).isEqualTo("[1:2]");
    }

    @Test
    void appendingPrependingAndConcatenating() {
        assertThat(call("array_append", ints("{1,2}"), integer(3))).isEqualTo("{1,2,3}");
        assertThat(call("array_prepend", integer(0), ints("{1,2}"))).isEqualTo("{0,1,2}");
        assertThat(call("array_cat", ints("{1}"), ints("{2,3}"))).isEqualTo("{1,2,3}");
        assertThat(operator(ints("{1,2}"), "||", integer(3))).isEqualTo("{1,2,3}");
        assertThat(operator(integer(0), "||", ints("{1,2}"))).isEqualTo("{0,1,2}");
        assertThat(operator(ints("{1,2}"), "||", literal("{3,4}"))).isEqualTo("{1,2,3,4}");
    }

    @Test
    void trimArrayDropsFromTheEnd() {
        assertThat(call("trim_array", ints("{1,2,3}"), integer(2))).isEqualTo("{1}");
        assertThat(FunctionCalls.errorOf("trim_array", ints("{1}"), integer(2))).isEqualTo(ErrorCode.ARRAY_SUBSCRIPT_ERROR);
    }

    @Test
    void searchingAndEditing() {
        BoundExpr letters = typed("{a,b,c}", DataType.arrayOf(DataType.TEXT));
        assertThat(call("array_position", letters, literal("b"))).isEqualTo("2");
        assertThat(call("array_position", ints("{1,2}"), integer(5))).isNull();
        assertThat(call("array_positions", ints("{1,2,1}"), integer(1))).isEqualTo("{1,3}");
        assertThat(call("array_remove", ints("{1,2,1}"), integer(1))).isEqualTo("{2}");
        assertThat(call("array_replace", ints("{1,2,1}"), integer(1), integer(9))).isEqualTo("{9,2,9}");
    }

    @Test
    void containmentAndOverlap() {
        assertThat(operator(ints("{1,2,3}"), "@>", ints("{2,3}"))).isEqualTo("t");
        assertThat(operator(ints("{1,2}"), "<@", ints("{1,2,3}"))).isEqualTo("t");
        assertThat(operator(ints("{1,2}"), "&&", ints("{2,5}"))).isEqualTo("t");
        assertThat(operator(ints("{1,2}"), "&&", ints("{5}"))).isEqualTo("f");
    }

    @Test
    void convertingBetweenStringsAndArrays() {
        assertThat(call("string_to_array", literal("a,b,,c"), literal(","))).isEqualTo("{a,b,\"\",c}");
        assertThat(call("string_to_array", literal("abc"), nullOf(DataType.TEXT))).isEqualTo("{a,b,c}");
        assertThat(call("string_to_array", literal("a,b,x"), literal(","), literal("x"))).isEqualTo("{a,b,NULL}");
        assertThat(call("array_to_string", ints("{1,NULL,3}"), literal(","))).isEqualTo("1,3");
        assertThat(call("array_to_string", ints("{1,NULL,3}"), literal(","), literal("*"))).isEqualTo("1,*,3");
        assertThat(call("array_to_string", typed("{a,b}", DataType.arrayOf(DataType.TEXT)), text(""))).isEqualTo("ab");
    }
}
