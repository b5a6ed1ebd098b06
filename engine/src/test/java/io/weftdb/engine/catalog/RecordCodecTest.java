package io.weftdb.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.stmt.ColumnDefinition;
import io.weftdb.ir.type.DataType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

    @Test
    void aColumnRoundTripsWithItsDeclaredTypeAndOnUpdateValue() {
        ColumnDef column = new ColumnDef(3, "updated", DataType.TIMESTAMP, false, null, null, ColumnDefinition.Identity.NONE,
                null, "datetime", new Expr.SpecialValue(Expr.SpecialValueKind.LOCALTIMESTAMP, 0));
        assertThat(RecordCodec.decode(RecordCodec.encode(column))).isEqualTo(column);
    }

    /**
     * A column written before records carried their component count (and before the declared type
     * and ON UPDATE value existed) reads back with those two absent.
     */
    @Test
    void aColumnWrittenBeforeComponentsWereCountedReadsWithTheNewOnesAbsent() {
        ColumnDef column = new ColumnDef(7, "name", DataType.varchar(20), true, null, null, ColumnDefinition.Identity.NONE,
                null);
        byte[] counted = RecordCodec.encode(column);
        byte[] className = ColumnDef.class.getName().getBytes(StandardCharsets.UTF_8);
        int header = 1 + 4 + className.length;
        // The old form: the plain record tag, no count, and only the first eight components (the last two are nulls, a byte each).
        ByteBuffer legacy = ByteBuffer.allocate(counted.length - 4 - 2);
        legacy.put((byte) 15).put(counted, 1, header - 1).put(counted, header + 4, counted.length - header - 4 - 2);
        assertThat(counted[0]).isEqualTo((byte) 18);
        assertThat(Arrays.copyOfRange(counted, counted.length - 2, counted.length)).containsExactly(0, 0);
        assertThat(RecordCodec.decode(legacy.array())).isEqualTo(column);
    }
}
