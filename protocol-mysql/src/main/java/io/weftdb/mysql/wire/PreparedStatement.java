package io.weftdb.mysql.wire;

import io.weftdb.engine.ResultColumn;
import io.weftdb.ir.type.DataType;
import io.weftdb.mysql.sql.ParsedCommand;
import io.weftdb.mysql.wire.protocol.ColumnType;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * A statement prepared by COM_STMT_PREPARE: parsed once, with the parameter types and result
 * columns the engine described. The parameter types the client bound last are kept, since a
 * COM_STMT_EXECUTE may omit them ("new params bound" = 0), and so is data sent in pieces by
 * COM_STMT_SEND_LONG_DATA until the next execute or reset.
 */
final class PreparedStatement {
    private final int id;
    private final List<ParsedCommand> commands;
    private final List<DataType> parameterTypes;
    private final List<ResultColumn> columns;
    private final ColumnType[] boundTypes;
    private final boolean[] boundUnsigned;
    private final ByteArrayOutputStream[] longData;

    PreparedStatement(int id, List<ParsedCommand> commands, List<DataType> parameterTypes, List<ResultColumn> columns) {
        this.id = id;
        this.commands = List.copyOf(commands);
        this.parameterTypes = List.copyOf(parameterTypes);
        this.columns = columns == null ? List.of() : List.copyOf(columns);
        this.boundTypes = new ColumnType[parameterTypes.size()];
        this.boundUnsigned = new boolean[parameterTypes.size()];
        this.longData = new ByteArrayOutputStream[parameterTypes.size()];
    }

    int id() {
        return id;
    }

    List<ParsedCommand> commands() {
        return commands;
    }

    int parameterCount() {
        return parameterTypes.size();
    }

    List<DataType> parameterTypes() {
        return parameterTypes;
    }

    List<ResultColumn> columns() {
        return columns;
    }

    void bind(int index, ColumnType type, boolean unsigned) {
        boundTypes[index] = type;
        boundUnsigned[index] = unsigned;
    }

    ColumnType boundType(int index) {
        return boundTypes[index];
    }

    boolean boundUnsigned(int index) {
        return boundUnsigned[index];
    }

    /** Appends a piece of a parameter's value (COM_STMT_SEND_LONG_DATA); ignored for an unknown parameter. */
    void appendLongData(int index, byte[] data) {
        if (index < 0 || index >= longData.length) {
            return;
        }
        if (longData[index] == null) {
            longData[index] = new ByteArrayOutputStream();
        }
        longData[index].writeBytes(data);
    }

    /** The long data sent for the parameter, or null when none was. */
    byte[] longData(int index) {
        return longData[index] == null ? null : longData[index].toByteArray();
    }

    void clearLongData() {
        java.util.Arrays.fill(longData, null);
    }
}
