package io.weftdb.engine.function;

import static io.weftdb.engine.function.FunctionCalls.call;
import static io.weftdb.engine.function.FunctionCalls.errorOf;
import static io.weftdb.engine.function.FunctionCalls.integer;
import static io.weftdb.engine.function.FunctionCalls.literal;
import static io.weftdb.engine.function.FunctionCalls.nullOf;
import static io.weftdb.engine.function.FunctionCalls.operator;
import static io.weftdb.engine.function.FunctionCalls.typed;
import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.type.DataType;
import org.junit.jupiter.api.Test;

/** Expected values are PostgreSQL 15's answers to the same calls. */
class JsonFunctionsTest {
    private static BoundExpr jsonb(String text) {
        return typed(text, DataType.JSONB);
    }

    private static BoundExpr json(String text) {
        return typed(text, DataType.JSON);
    }

    @Test
    void jsonPathQueriesSelectByKeyIndexLastAndWildcard() {
        BoundExpr document = jsonb("{\"a\":{\"b\":[10,20,30]},\"c\":null,\"k y\":1,\"list\":[{\"x\":1},{\"x\":2}]}");
        assertThat(call("jsonb_path_query_first", document, literal("$.a.b[1]"))).isEqualTo("20");
        assertThat(call("jsonb_path_query_first", document, literal("$.a.b[last]"))).isEqualTo("30");
        assertThat(call("jsonb_path_query_first", document, literal("$.a.b[last - 2]"))).isEqualTo("10");
        assertThat(call("jsonb_path_query_first", document, literal("$.\"k y\""))).isEqualTo("1");
        assertThat(call("jsonb_path_query_first", document, literal("$.c"))).isEqualTo("null");
        assertThat(call("jsonb_path_query_first", document, literal("$.missing"))).isNull();
        // Lax mode: a key step looks into each element of an array.
        assertThat(call("jsonb_path_query_array", document, literal("$.list.x"))).isEqualTo("[1, 2]");
        assertThat(call("jsonb_path_query_array", document, literal("strict $.list.x"))).isEqualTo("[]");
        assertThat(call("jsonb_path_query_array", document, literal("$.list[*].x"))).isEqualTo("[1, 2]");
        assertThat(call("jsonb_path_exists", document, literal("$.c"))).isEqualTo("t");
        assertThat(call("jsonb_path_exists", document, literal("$.a.b[5]"))).isEqualTo("f");
        assertThat(errorOf("jsonb_path_query_first", document, literal("$.a ? (@ > 1)")))
                .isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED);
    }

    @Test
    void accessOperatorsReturnJsonOrText() {
        BoundExpr document = jsonb("{\"a\":1,\"b\":[1,2,{\"c\":\"x\"}]}");
        assertThat(operator(document, "->", literal("b"))).isEqualTo("[1, 2, {\"c\": \"x\"}]");
        assertThat(operator(document, "->>", literal("a"))).isEqualTo("1");
        assertThat(operator(jsonb("[1,2,3]"), "->", integer(-1))).isEqualTo("3");
        assertThat(operator(jsonb("{\"a\":{\"b\":\"c\"}}"), "#>", literal("{a,b}"))).isEqualTo("\"c\"");
        assertThat(operator(jsonb("{\"a\":{\"b\":\"c\"}}"), "#>>", literal("{a,b}"))).isEqualTo("c");
        assertThat(operator(jsonb("{\"a\":null}"), "->>", literal("a"))).isNull();
        assertThat(operator(document, "->", literal("missing"))).isNull();
        assertThat(operator(json("{\"a\":[1,2]}"), "->", literal("a"))).isEqualTo("[1,2]");
    }

    @Test
    void jsonKeepsTheTextOfItsPartsAsWritten() {
        BoundExpr document = json("{\"a\": [1,  2 ,{\"x\" : 1}], \"a\": [ 3 ], \"s\": \"x\\\"y\"}");
        assertThat(operator(document, "->", literal("a"))).isEqualTo("[ 3 ]");
        assertThat(operator(document, "->>", literal("s"))).isEqualTo("x\"y");
        assertThat(operator(json("[1, [2,  3]]"), "#>", literal("{1,1}"))).isEqualTo("3");
        assertThat(call("json_extract_path", json("{\"a\":{\"b\": [ 1 ]}}"), literal("a"))).isEqualTo("{\"b\": [ 1 ]}");
    }

    @Test
    void containmentAndKeyTests() {
        assertThat(operator(jsonb("{\"a\":1,\"b\":2}"), "@>", literal("{\"a\":1}"))).isEqualTo("t");
        assertThat(operator(jsonb("{\"a\":1}"), "<@", literal("{\"a\":1,\"b\":2}"))).isEqualTo("t");
        assertThat(operator(jsonb("[1,2,[3]]"), "@>", literal("[[3]]"))).isEqualTo("t");
        assertThat(operator(jsonb("[1,2]"), "@>", literal("1"))).isEqualTo("t");
        assertThat(operator(jsonb("{\"a\":1}"), "?", literal("a"))).isEqualTo("t");
        assertThat(operator(jsonb("[\"a\",\"b\"]"), "?", literal("b"))).isEqualTo("t");
        assertThat(operator(jsonb("{\"a\":1}"), "?|", literal("{x,a}"))).isEqualTo("t");
        assertThat(operator(jsonb("{\"a\":1}"), "?&", literal("{x,a}"))).isEqualTo("f");
    }

    @Test
    void concatenationAndDeletion() {
        assertThat(operator(jsonb("{\"a\":1}"), "||", literal("{\"b\":2}"))).isEqualTo("{\"a\": 1, \"b\": 2}");
        assertThat(operator(jsonb("[1]"), "||", literal("[2]"))).isEqualTo("[1, 2]");
        assertThat(operator(jsonb("{\"a\":1,\"b\":2}"), "-", literal("a"))).isEqualTo("{\"b\": 2}");
        assertThat(operator(jsonb("[1,2,3]"), "-", integer(0))).isEqualTo("[2, 3]");
    }

    @Test
    void buildersConvertSqlValues() {
        assertThat(call("jsonb_build_object", literal("a"), integer(1), literal("b"), literal("x"), literal("c"),
                nullOf(DataType.TEXT), literal("d"), typed("true", DataType.BOOLEAN)))
                .isEqualTo("{\"a\": 1, \"b\": \"x\", \"c\": null, \"d\": true}");
        assertThat(call("json_build_object", literal("a"), integer(1), literal("b"), literal("x")))
                .isEqualTo("{\"a\" : 1, \"b\" : \"x\"}");
        assertThat(call("jsonb_build_array", integer(1), literal("a"), nullOf(DataType.TEXT))).isEqualTo("[1, \"a\", null]");
        assertThat(call("to_jsonb", typed("2020-01-01 10:00", DataType.TIMESTAMP))).isEqualTo("\"2020-01-01T10:00:00\"");
        assertThat(call("to_jsonb", typed("1.50", DataType.NUMERIC))).isEqualTo("1.50");
        assertThat(call("to_json", typed("{a,b}", DataType.arrayOf(DataType.TEXT)))).isEqualTo("[\"a\",\"b\"]");
        assertThat(errorOf("jsonb_build_object", literal("a"))).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        assertThat(errorOf("jsonb_build_object", nullOf(DataType.TEXT), integer(1))).isEqualTo(ErrorCode.NULL_VALUE_NOT_ALLOWED);
    }

    @Test
    void inspectionAndPathFunctions() {
        assertThat(call("jsonb_array_length", literal("[1,2,3]"))).isEqualTo("3");
        assertThat(errorOf("jsonb_array_length", literal("{\"a\":1}"))).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        assertThat(call("jsonb_typeof", literal("1.5"))).isEqualTo("number");
        assertThat(call("json_typeof", literal("\"x\""))).isEqualTo("string");
        assertThat(call("jsonb_extract_path", literal("{\"a\":{\"b\":[1,2]}}"), literal("a"), literal("b"), literal("1")))
                .isEqualTo("2");
        assertThat(call("jsonb_extract_path_text", literal("{\"a\":{\"b\":\"x\"}}"), literal("a"), literal("b"))).isEqualTo("x");
    }

    @Test
    void jsonbSetReplacesOrAddsAtThePath() {
        assertThat(call("jsonb_set", literal("{\"a\":1,\"b\":{\"c\":2}}"), literal("{b,c}"), literal("5")))
                .isEqualTo("{\"a\": 1, \"b\": {\"c\": 5}}");
        assertThat(call("jsonb_set", literal("{\"a\":1}"), literal("{d}"), literal("\"new\""))).isEqualTo("{\"a\": 1, \"d\": \"new\"}");
        assertThat(call("jsonb_set", literal("{\"a\":1}"), literal("{d}"), literal("\"new\""), typed("false", DataType.BOOLEAN)))
                .isEqualTo("{\"a\": 1}");
        assertThat(call("jsonb_set", literal("[1,2]"), literal("{5}"), literal("3"))).isEqualTo("[1, 2, 3]");
    }

    @Test
    void jsonbInsertAddsBeforeOrAfterAndNeverReplaces() {
        assertThat(call("jsonb_insert", literal("{\"a\":[0,1,2]}"), literal("{a,1}"), literal("\"new\"")))
                .isEqualTo("{\"a\": [0, \"new\", 1, 2]}");
        assertThat(call("jsonb_insert", literal("[1,2]"), literal("{-1}"), literal("9"), typed("true", DataType.BOOLEAN)))
                .isEqualTo("[1, 2, 9]");
        assertThat(errorOf("jsonb_insert", literal("{\"a\":1}"), literal("{a}"), literal("2")))
                .isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
    }

    @Test
    void prettyPrintsWithFourSpaces() {
        assertThat(call("jsonb_pretty", literal("{\"a\":1,\"b\":[1,2],\"c\":{}}")))
                .isEqualTo("{\n    \"a\": 1,\n    \"b\": [\n        1,\n        2\n    ],\n    \"c\": {\n    }\n}");
    }
}
