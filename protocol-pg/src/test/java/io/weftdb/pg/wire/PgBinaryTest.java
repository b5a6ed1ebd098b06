package io.weftdb.pg.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.ir.type.Bytes;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.Interval;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PgBinaryTest {

    private static String hex(Object value, DataType type) {
        return HexFormat.of().formatHex(PgBinary.encode(value, type, ZoneOffset.UTC));
    }

    @Test
    void numericIsWrittenAsBaseTenThousandDigits() {
        // 12.5: 2 digits, weight 0, positive, display scale 1, digits 12 and 5000.
        assertThat(hex(new BigDecimal("12.5"), DataType.NUMERIC)).isEqualTo("0002" + "0000" + "0000" + "0001" + "000c" + "1388");
        // -0.00012 = -(0001 * 10000^-1 + 2000 * 10000^-2).
        assertThat(hex(new BigDecimal("-0.00012"), DataType.NUMERIC)).isEqualTo("0002" + "ffff" + "4000" + "0005" + "0001" + "07d0");
        assertThat(hex(BigDecimal.ZERO, DataType.NUMERIC)).isEqualTo("0000" + "0000" + "0000" + "0000");
        // Trailing zero digits are dropped but the display scale is kept.
        assertThat(hex(new BigDecimal("10000.000"), DataType.NUMERIC)).isEqualTo("0001" + "0001" + "0000" + "0003" + "0001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "-1", "9999", "10000", "0.0001", "1.500", "-98765.4321", "1E+12",
            "123456789012345678901234567890.000000001"})
    void numericSurvivesARoundTrip(String text) {
        BigDecimal value = new BigDecimal(text);
        byte[] bytes = PgBinary.encode(value, DataType.NUMERIC, ZoneOffset.UTC);

        BigDecimal decoded = (BigDecimal) PgBinary.decode(bytes, DataType.NUMERIC, 1);
        assertThat(decoded).isEqualByComparingTo(value);
        assertThat(decoded.scale()).isEqualTo(Math.max(value.scale(), 0));
    }

    @Test
    void datesAndTimestampsCountFromTheYear2000() {
        assertThat(hex(LocalDate.of(2000, 1, 1), DataType.DATE)).isEqualTo("00000000");
        assertThat(hex(LocalDate.of(1999, 12, 31), DataType.DATE)).isEqualTo("ffffffff");
        assertThat(hex(LocalDateTime.of(2000, 1, 1, 0, 0, 0, 1000), DataType.TIMESTAMP)).isEqualTo("0000000000000001");
        assertThat(hex(Instant.parse("2000-01-01T00:00:01Z"), DataType.TIMESTAMPTZ)).isEqualTo("00000000000f4240");
        assertThat(hex(LocalTime.of(0, 0, 1), DataType.TIME)).isEqualTo("00000000000f4240");
    }

    @Test
    void fixedWidthValuesAreBigEndian() {
        assertThat(hex(true, DataType.BOOLEAN)).isEqualTo("01");
        assertThat(hex(-2L, DataType.SMALLINT)).isEqualTo("fffe");
        assertThat(hex(258L, DataType.INTEGER)).isEqualTo("00000102");
        assertThat(hex(1L << 40, DataType.BIGINT)).isEqualTo("0000010000000000");
        assertThat(hex(1.5d, DataType.REAL)).isEqualTo("3fc00000");
        assertThat(hex(1.5d, DataType.DOUBLE)).isEqualTo("3ff8000000000000");
        assertThat(hex(new Interval(1, 2, 3), DataType.INTERVAL)).isEqualTo("0000000000000003" + "00000002" + "00000001");
        assertThat(hex(new UUID(1, 2), DataType.UUID)).isEqualTo("0000000000000001" + "0000000000000002");
    }

    @Test
    void textLikeValuesAreTheirUtf8AndJsonbHasAVersionByte() {
        assertThat(hex("é", DataType.TEXT)).isEqualTo("c3a9");
        assertThat(hex("{}", DataType.JSONB)).isEqualTo("01" + "7b7d");
        assertThat(hex(Bytes.wrap(new byte[] {0, -1}), DataType.BYTEA)).isEqualTo("00ff");
    }

    @Test
    void arraysCarryDimensionsNullFlagAndElementOid() {
        assertThat(hex(Arrays.asList(1L, null, 3L), DataType.arrayOf(DataType.INTEGER))).isEqualTo(
                "00000001" + "00000001" + "00000017" + "00000003" + "00000001"
                        + "00000004" + "00000001" + "ffffffff" + "00000004" + "00000003");
        assertThat(hex(List.of(), DataType.arrayOf(DataType.TEXT))).isEqualTo("00000000" + "00000000" + "00000019");
    }

    @Test
    void binaryParametersDecodeToEngineValues() {
        assertThat(PgBinary.decode(new byte[] {0, 0, 1, 2}, DataType.INTEGER, 1)).isEqualTo(258L);
        assertThat(PgBinary.decode(new byte[] {(byte) 0xff, (byte) 0xfe}, DataType.SMALLINT, 1)).isEqualTo(-2L);
        assertThat(PgBinary.decode(new byte[] {0x3f, (byte) 0xc0, 0, 0}, DataType.REAL, 1)).isEqualTo(1.5d);
        assertThat(PgBinary.decode(new byte[] {1}, DataType.BOOLEAN, 1)).isEqualTo(true);
        assertThat(PgBinary.decode(new byte[] {0, 0, 0, 0}, DataType.DATE, 1)).isEqualTo(LocalDate.of(2000, 1, 1));
        assertThat(PgBinary.decode(new byte[] {1, '{', '}'}, DataType.JSONB, 1)).isEqualTo("{}");
        assertThat(PgBinary.decode(new byte[] {0, 0, 0, 0, 0, 0, 0, 1}, DataType.TIMESTAMP, 1))
                .isEqualTo(LocalDateTime.of(2000, 1, 1, 0, 0, 0, 1000));
    }

    @Test
    void aBinaryParameterOfTheWrongLengthIs22P03() {
        assertThatThrownBy(() -> PgBinary.decode(new byte[] {0, 1}, DataType.INTEGER, 2))
                .isInstanceOfSatisfying(PgError.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("22P03");
                    assertThat(e.getMessage()).isEqualTo("incorrect binary data format in bind parameter 2");
                });
    }
}
