package io.weftdb.engine.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.ir.error.SqlException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class BinaryTupleReaderTest {

    private static byte[] file(boolean withTrailer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(BinaryTupleReader.SIGNATURE);
        out.writeInt(0);
        out.writeInt(2);
        out.writeShort(0);
        out.writeShort(2);
        out.writeInt(4);
        out.writeInt(7);
        out.writeInt(-1);
        if (withTrailer) {
            out.writeShort(-1);
        }
        return bytes.toByteArray();
    }

    @Test
    void readsATupleAfterTheHeaderAndItsExtensionThenTheTrailer() throws IOException {
        byte[] data = file(true);
        BinaryTupleReader reader = new BinaryTupleReader();

        byte[][] tuple = reader.read(data, 0, data.length);

        assertThat(tuple.length).isEqualTo(2);
        assertThat(tuple[0]).containsExactly(0, 0, 0, 7);
        assertThat(tuple[1]).isNull();
        assertThat(reader.read(data, reader.position(), data.length)).isSameAs(BinaryTupleReader.END_OF_DATA);
        assertThat(reader.position()).isEqualTo(data.length);
    }

    @Test
    void waitsForTheRestOfATupleSplitAnywhere() throws IOException {
        byte[] data = file(false);
        for (int split = 0; split < data.length; split++) {
            BinaryTupleReader reader = new BinaryTupleReader();

            assertThat(reader.read(data, 0, split)).isNull();
            assertThat(reader.read(data, reader.position(), data.length)).isNotNull();
        }
    }

    @Test
    void aWrongSignatureIsRefused() {
        byte[] data = "PGCOPY\nxxxxxxxxxxxxxxxxxx".getBytes();

        assertThatThrownBy(() -> new BinaryTupleReader().read(data, 0, data.length)).isInstanceOf(SqlException.class)
                .hasMessage("COPY file signature not recognized");
    }
}
