package io.weftdb.pg.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every spelling of every supported type, and the errors for the rest. */
final class DataTypeParsingTest {
    private final PostgresSqlParser parser = new PostgresSqlParser();

    private DataType castType(String typeName) {
        Query.Select select = (Query.Select) parser.parseOne("SELECT x::" + typeName);
        return ((Expr.Cast) select.items().getFirst().expression()).type();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "boolean | boolean", "bool | boolean",
            "smallint | smallint", "int2 | smallint",
            "integer | integer", "int | integer", "int4 | integer", "pg_catalog.int4 | integer",
            "bigint | bigint", "int8 | bigint",
            "real | real", "float4 | real", "float(24) | real",
            "double precision | double precision", "float8 | double precision", "float | double precision",
            "float(25) | double precision",
            "numeric | numeric", "decimal(10, 2) | numeric(10,2)", "numeric(5) | numeric(5,0)", "dec(3,1) | numeric(3,1)",
            "text | text",
            "varchar(10) | character varying(10)", "character varying | character varying",
            "char varying(3) | character varying(3)",
            "char(3) | character(3)", "character | character(1)", "bpchar(4) | character(4)",
            "bytea | bytea", "date | date",
            "time | time without time zone", "time(3) without time zone | time without time zone",
            "timestamp | timestamp without time zone", "timestamp(6) without time zone | timestamp without time zone",
            "timestamp with time zone | timestamp with time zone", "timestamptz | timestamp with time zone",
            "interval | interval", "interval day to second | interval",
            "uuid | uuid", "json | json", "jsonb | jsonb",
            "int[] | integer[]", "text[][] | text[]", "int ARRAY | integer[]", "int4[3] | integer[]"})
    void typeNameResolves(String typeName, String sqlName) {
        assertThat(castType(typeName).sqlName()).isEqualTo(sqlName);
    }

    @Test
    void unboundedBpcharHasNoLength() {
        assertThat(castType("bpchar")).isEqualTo(DataType.of(TypeKind.CHAR));
    }

    @Test
    void unknownTypeDoesNotExist() {
        assertThatThrownBy(() -> parser.parseOne("SELECT x::widget"))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNDEFINED_OBJECT);
                    assertThat(e.getMessage()).isEqualTo("type \"widget\" does not exist");
                    assertThat(e.position()).isEqualTo(11);
                });
    }

    @Test
    void typeOutsidePgCatalogDoesNotExist() {
        assertThatThrownBy(() -> parser.parseOne("SELECT x::public.int4"))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNDEFINED_OBJECT);
                    assertThat(e.getMessage()).isEqualTo("type \"public.int4\" does not exist");
                });
    }

    @Test
    void serialIsNotATypeOutsideAColumnDefinition() {
        assertThatThrownBy(() -> parser.parseOne("SELECT x::serial"))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNDEFINED_OBJECT);
                    assertThat(e.getMessage()).isEqualTo("type \"serial\" does not exist");
                });
    }

    @Test
    void knownPostgresTypeWithoutSupportIsReportedAsSuch() {
        assertThatThrownBy(() -> parser.parseOne("SELECT x::inet"))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED);
                    assertThat(e.getMessage()).isEqualTo("type \"inet\" is not supported");
                });
        assertThatThrownBy(() -> parser.parseOne("SELECT x::time with time zone"))
                .isInstanceOfSatisfying(SqlException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED));
    }

    @Test
    void numericPrecisionAndScaleAreChecked() {
        assertThatThrownBy(() -> castType("numeric(1001)"))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
                    assertThat(e.getMessage()).isEqualTo("NUMERIC precision 1001 must be between 1 and 1000");
                });
        assertThatThrownBy(() -> castType("numeric(3, 4)"))
                .isInstanceOfSatisfying(SqlException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("NUMERIC scale 4 must be between 0 and precision 3"));
    }

    @Test
    void modifierOnATypeWithoutModifiersIsAnError() {
        assertThatThrownBy(() -> castType("text(5)"))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
                    assertThat(e.getMessage()).isEqualTo("type modifier is not allowed for type \"text\"");
                });
    }

    @Test
    void characterLengthMustBePositive() {
        assertThatThrownBy(() -> castType("varchar(0)"))
                .isInstanceOfSatisfying(SqlException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("length for type varchar must be at least 1"));
    }

    @Test
    void floatPrecisionIsBounded() {
        assertThatThrownBy(() -> castType("float(54)"))
                .isInstanceOfSatisfying(SqlException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("precision for type float must be less than 54 bits"));
    }
}
