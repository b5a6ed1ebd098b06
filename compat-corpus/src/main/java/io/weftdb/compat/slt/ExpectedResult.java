package io.weftdb.compat.slt;

import java.util.List;
import java.util.Objects;

/** The block after a query's {@code ----}: literal values, or a count and an MD5 of them. */
public sealed interface ExpectedResult {

    /** One rendered value per line, row-major. */
    record Values(List<String> values) implements ExpectedResult {
        public Values {
            values = List.copyOf(values);
        }
    }

    /** {@code <count> values hashing to <md5>}, written when the values exceed the hash threshold. */
    record Hash(int count, String md5) implements ExpectedResult {
        public Hash {
            Objects.requireNonNull(md5, "md5");
        }
    }
}
