package io.weftdb.engine.exec;

/** A row source reading stored rows, which also tells where the current row is stored (for UPDATE/DELETE). */
public interface KeyedRowSource extends RowSource {
    /** The row key of the current row. */
    byte[] key();

    /** The stored bytes of the current row, as the statement's snapshot saw them (null from a scan that decodes no column). */
    byte[] storedValue();
}
