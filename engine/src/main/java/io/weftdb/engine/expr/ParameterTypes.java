package io.weftdb.engine.expr;

import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The types inferred for a statement's $n parameters from where they are used (compared with a
 * column, assigned to one, cast...). A protocol may fix some types up front (PostgreSQL's Parse
 * message); the rest are inferred, and what stays unknown is text.
 */
public final class ParameterTypes {
    private final List<DataType> types = new ArrayList<>();

    public ParameterTypes(List<DataType> declared) {
        types.addAll(declared);
    }

    public static ParameterTypes none() {
        return new ParameterTypes(List.of());
    }

    public DataType get(int index) {
        return index <= types.size() ? types.get(index - 1) : DataType.UNKNOWN;
    }

    /** Records a type for $index unless one is already known. */
    public void infer(int index, DataType type) {
        while (types.size() < index) {
            types.add(DataType.UNKNOWN);
        }
        if (types.get(index - 1).kind() == TypeKind.UNKNOWN && type.kind() != TypeKind.UNKNOWN) {
            types.set(index - 1, TypeRules.generic(type));
        }
    }

    public void noteUse(int index) {
        while (types.size() < index) {
            types.add(DataType.UNKNOWN);
        }
    }

    /** Final parameter types: unknown ones resolve to text, as PostgreSQL does. */
    public List<DataType> resolved() {
        return types.stream().map(type -> type.kind() == TypeKind.UNKNOWN ? DataType.TEXT : type).toList();
    }
}
