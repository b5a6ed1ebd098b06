package io.weftdb.engine.function;

import static io.weftdb.engine.function.FunctionCalls.call;
import static io.weftdb.engine.function.FunctionCalls.errorOf;
import static io.weftdb.engine.function.FunctionCalls.integer;
import static io.weftdb.engine.function.FunctionCalls.literal;
import static io.weftdb.engine.function.FunctionCalls.nullOf;
import static io.weftdb.engine.function.FunctionCalls.text;
import static io.weftdb.engine.function.FunctionCalls.typed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.DataType;
import org.junit.jupiter.api.Test;

/** Expected values are PostgreSQL 15's answers to the same calls. */
class StringFunctionsTest {
    @Test
    void caseMappingIsPerCharacterAsInPostgres() {
        assertThat(call("upper", literal("straße"))).isEqualTo("STRAßE");
        assertThat(call("lower", literal("HeLLo"))).isEqualTo("hello");
        assertThat(call("initcap", literal("hello wORLD-foo bar_baz"))).isEqualTo("Hello World-Foo Bar_Baz");
    }

    @Test
    void lengthsCountCharactersAndBytes() {
        assertThat(call("length", literal("héllo"))).isEqualTo("5");
        assertThat(call("char_length", literal("😀"))).isEqualTo("1");
        assertThat(call("octet_length", literal("héllo"))).isEqualTo("6");
        assertThat(call("length", typed("\\x0102", DataType.BYTEA))).isEqualTo("2");
    }

    @Test
    void substringFollowsPostgresStartAndCountRules() {
        assertThat(call("substring", literal("hello world"), integer(2), integer(3))).isEqualTo("ell");
        assertThat(call("substring", literal("hello"), integer(0), integer(3))).isEqualTo("he");
        assertThat(call("substring", literal("hello"), integer(-1))).isEqualTo("hello");
        assertThat(errorOf("substring", literal("hello"), integer(2), integer(-1))).isEqualTo(ErrorCode.SUBSTRING_ERROR);
        assertThat(call("overlay", literal("Txxxxas"), literal("hom"), integer(2), integer(4))).isEqualTo("Thomas");
    }

    @Test
    void substringWithPatternsReturnsTheGroupOrTheMarkedPart() {
        assertThat(call("substring", literal("foobar"), literal("o.b"))).isEqualTo("oob");
        assertThat(call("substring", literal("foobar"), literal("o(.)b"))).isEqualTo("o");
        assertThat(call("substring", literal("foobar"), literal("%#\"o_b#\"%"), literal("#"))).isEqualTo("oob");
        assertThat(call("substring", literal("foobar"), literal("#\"o_b#\"%"), literal("#"))).isNull();
    }

    @Test
    void trimmingPaddingAndSlicing() {
        assertThat(call("btrim", literal("xyaxy"), literal("xy"))).isEqualTo("a");
        assertThat(call("ltrim", literal("  a "))).isEqualTo("a ");
        assertThat(call("lpad", literal("hi"), integer(5), literal("xy"))).isEqualTo("xyxhi");
        assertThat(call("rpad", literal("hi"), integer(5), literal("xy"))).isEqualTo("hixyx");
        assertThat(call("lpad", literal("hello"), integer(2))).isEqualTo("he");
        assertThat(call("left", literal("hello"), integer(-2))).isEqualTo("hel");
        assertThat(call("right", literal("hello"), integer(-2))).isEqualTo("llo");
        assertThat(call("repeat", literal("x"), integer(-1))).isEmpty();
    }

    @Test
    void splitPartCountsFromTheEndForNegativeFieldsAndRejectsZero() {
        assertThat(call("split_part", literal("a,b,c"), literal(","), integer(2))).isEqualTo("b");
        assertThat(call("split_part", literal("a,b,c"), literal(","), integer(-1))).isEqualTo("c");
        assertThat(call("split_part", literal("a,b,c"), literal(","), integer(5))).isEmpty();
        assertThatThrownBy(() -> call("split_part", literal("a,b"), literal(","), integer(0)))
                .isInstanceOf(SqlException.class).hasMessage("field position must not be zero")
                .extracting(e -> ((SqlException) e).code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
    }

    @Test
    void concatSkipsNullsAndShowsValuesAsText() {
        assertThat(call("concat", literal("a"), nullOf(DataType.TEXT), integer(1), typed("true", DataType.BOOLEAN),
                typed("2.50", DataType.NUMERIC))).isEqualTo("a1t2.50");
        assertThat(call("concat_ws", literal("-"), literal("a"), nullOf(DataType.TEXT), literal("b"), integer(3)))
                .isEqualTo("a-b-3");
        assertThat(call("concat_ws", nullOf(DataType.TEXT), literal("a"))).isNull();
    }

    @Test
    void formatQuotesIdentifiersAndLiteralsAndPads() {
        assertThat(call("format", literal("Hello %s, %I and %L"), literal("world"), literal("My Table"), literal("it's")))
                .isEqualTo("Hello world, \"My Table\" and 'it''s'");
        assertThat(call("format", literal("%s|%-5s|%5s|"), literal("x"), literal("ab"), literal("cd")))
                .isEqualTo("x|ab   |   cd|");
        assertThat(call("format", literal("%2$s %1$s"), literal("a"), literal("b"))).isEqualTo("b a");
        assertThat(call("format", literal("%L"), nullOf(DataType.TEXT))).isEqualTo("NULL");
        assertThat(errorOf("format", literal("%x"), integer(1))).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        assertThat(errorOf("format", literal("%s %s"), literal("a"))).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        assertThat(errorOf("format", literal("%I"), nullOf(DataType.TEXT))).isEqualTo(ErrorCode.NULL_VALUE_NOT_ALLOWED);
    }

    @Test
    void quotingHashingAndCharacterCodes() {
        assertThat(call("quote_ident", literal("foo"))).isEqualTo("foo");
        assertThat(call("quote_ident", literal("select"))).isEqualTo("\"select\"");
        assertThat(call("quote_literal", literal("a\\b"))).isEqualTo("E'a\\\\b'");
        assertThat(call("quote_literal", integer(42))).isEqualTo("'42'");
        assertThat(call("quote_nullable", nullOf(DataType.TEXT))).isEqualTo("NULL");
        assertThat(call("md5", literal("abc"))).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(call("to_hex", integer(-1))).isEqualTo("ffffffff");
        assertThat(call("chr", integer(8364))).isEqualTo("€");
        assertThat(call("ascii", literal(""))).isEqualTo("0");
        assertThat(errorOf("chr", integer(0))).isEqualTo(ErrorCode.PROGRAM_LIMIT_EXCEEDED);
        assertThat(call("translate", literal("12345"), literal("143"), literal("ax"))).isEqualTo("a2x5");
    }

    @Test
    void regularExpressionsUsePostgresReplacementSyntaxAndErrors() {
        assertThat(call("regexp_replace", literal("foobarbaz"), literal("b(.)(.)"), literal("[\\2\\1]"), literal("g")))
                .isEqualTo("foo[ra][za]");
        assertThat(call("regexp_replace", literal("ABC"), literal("b"), literal("x"), literal("i"))).isEqualTo("AxC");
        assertThat(call("regexp_match", literal("foobarbequebaz"), literal("(bar)(beque)"))).isEqualTo("{bar,beque}");
        assertThat(call("regexp_match", literal("abc"), literal("z"))).isNull();
        assertThat(call("regexp_count", literal("abcabc"), literal("b"))).isEqualTo("2");
        assertThat(RegexFunctions.find("abc", "[[:alpha:]]+", false)).isTrue();
        assertThat(errorOf("regexp_match", literal("abc"), literal("a"), literal("g"))).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        assertThat(errorOf("regexp_like", literal("abc"), literal("("))).isEqualTo(ErrorCode.INVALID_REGULAR_EXPRESSION);
    }

    @Test
    void regularExpressionSplittingAndSearching() {
        assertThat(call("regexp_split_to_array", literal("a1b22c"), literal("\\d+"))).isEqualTo("{a,b,c}");
        assertThat(call("regexp_split_to_array", literal("a,b"), literal(""))).isEqualTo("{a,\",\",b}");
        assertThat(call("regexp_split_to_array", literal(""), literal(","))).isEqualTo("{\"\"}");
        assertThat(call("regexp_substr", literal("abc123def"), literal("\\d+"))).isEqualTo("123");
        assertThat(call("regexp_instr", literal("abc123"), literal("\\d"))).isEqualTo("4");
    }

    @Test
    void runawayBacktrackingFailsInsteadOfHanging() {
        assertThat(errorOf("regexp_like", literal("a".repeat(19) + "b".repeat(100)), literal("(.*a){20}")))
                .isEqualTo(ErrorCode.INVALID_REGULAR_EXPRESSION);
    }

    @Test
    void hugeResultsAreRefusedBeforeTheyExhaustMemory() {
        assertThat(errorOf("lpad", literal("x"), integer(100_000_000))).isEqualTo(ErrorCode.PROGRAM_LIMIT_EXCEEDED);
        assertThat(errorOf("repeat", literal("abc"), integer(100_000_000))).isEqualTo(ErrorCode.PROGRAM_LIMIT_EXCEEDED);
    }

    @Test
    void strictFunctionsReturnNullForNullArguments() {
        assertThat(call("upper", nullOf(DataType.TEXT))).isNull();
        assertThat(call("lpad", nullOf(DataType.TEXT), integer(3))).isNull();
    }

    @Test
    void unknownSignaturesAreUndefinedFunctions() {
        assertThatThrownBy(() -> call("length", integer(1)))
                .isInstanceOf(SqlException.class).hasMessage("function length(integer) does not exist")
                .extracting(e -> ((SqlException) e).code()).isEqualTo(ErrorCode.UNDEFINED_FUNCTION);
    }
}
