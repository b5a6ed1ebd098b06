package io.weftdb.pg.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PgTypesTest {

    @Test
    void everyEngineTypeHasThePostgresOid() {
        assertThat(PgTypes.oid(DataType.BOOLEAN)).isEqualTo(16);
        assertThat(PgTypes.oid(DataType.BYTEA)).isEqualTo(17);
        assertThat(PgTypes.oid(DataType.BIGINT)).isEqualTo(20);
        assertThat(PgTypes.oid(DataType.SMALLINT)).isEqualTo(21);
        assertThat(PgTypes.oid(DataType.INTEGER)).isEqualTo(23);
        assertThat(PgTypes.oid(DataType.TEXT)).isEqualTo(25);
        assertThat(PgTypes.oid(DataType.JSON)).isEqualTo(114);
        assertThat(PgTypes.oid(DataType.REAL)).isEqualTo(700);
        assertThat(PgTypes.oid(DataType.DOUBLE)).isEqualTo(701);
        assertThat(PgTypes.oid(DataType.character(3))).isEqualTo(1042);
        assertThat(PgTypes.oid(DataType.varchar(3))).isEqualTo(1043);
        assertThat(PgTypes.oid(DataType.DATE)).isEqualTo(1082);
        assertThat(PgTypes.oid(DataType.TIME)).isEqualTo(1083);
        assertThat(PgTypes.oid(DataType.TIMESTAMP)).isEqualTo(1114);
        assertThat(PgTypes.oid(DataType.TIMESTAMPTZ)).isEqualTo(1184);
        assertThat(PgTypes.oid(DataType.INTERVAL)).isEqualTo(1186);
        assertThat(PgTypes.oid(DataType.NUMERIC)).isEqualTo(1700);
        assertThat(PgTypes.oid(DataType.UUID)).isEqualTo(2950);
        assertThat(PgTypes.oid(DataType.JSONB)).isEqualTo(3802);
        assertThat(PgTypes.oid(DataType.arrayOf(DataType.INTEGER))).isEqualTo(1007);
    }

    @Test
    void anExpressionOfUnknownTypeIsReportedAsText() {
        assertThat(PgTypes.oid(DataType.UNKNOWN)).isEqualTo(PgTypes.TEXT);
    }

    @Test
    void oidsInParseMessagesMapBackToEngineTypes() {
        for (TypeKind kind : TypeKind.values()) {
            if (kind == TypeKind.UNKNOWN || kind == TypeKind.ARRAY || kind == TypeKind.RECORD) {
                continue;
            }
            DataType type = DataType.of(kind);
            assertThat(PgTypes.dataType(PgTypes.oid(type)).kind()).as(kind.name()).isEqualTo(kind);
        }
        assertThat(PgTypes.dataType(PgTypes.UNSPECIFIED)).isNull();
        assertThat(PgTypes.dataType(600)).isNull();
    }

    @Test
    void typeLengthsAndModifiersFollowPgType() {
        assertThat(PgTypes.typeLength(DataType.INTEGER)).isEqualTo(4);
        assertThat(PgTypes.typeLength(DataType.BIGINT)).isEqualTo(8);
        assertThat(PgTypes.typeLength(DataType.UUID)).isEqualTo(16);
        assertThat(PgTypes.typeLength(DataType.TEXT)).isEqualTo(-1);
        assertThat(PgTypes.typeModifier(DataType.varchar(10))).isEqualTo(14);
        assertThat(PgTypes.typeModifier(DataType.numeric(10, 2))).isEqualTo((10 << 16 | 2) + 4);
        assertThat(PgTypes.typeModifier(DataType.VARCHAR)).isEqualTo(-1);
        assertThat(PgTypes.typeModifier(DataType.INTEGER)).isEqualTo(-1);
    }

    @Test
    void textFormatShowsBooleansAsTAndFAndTimestamptzInTheSessionZone() {
        assertThat(PgTypes.text(true, DataType.BOOLEAN, ZoneId.of("UTC"))).isEqualTo("t");
        assertThat(PgTypes.text(false, DataType.BOOLEAN, ZoneId.of("UTC"))).isEqualTo("f");
        assertThat(PgTypes.text(Instant.parse("2024-06-01T10:00:00Z"), DataType.TIMESTAMPTZ, ZoneId.of("America/New_York")))
                .isEqualTo("2024-06-01 06:00:00-04");
    }
}
