package io.weftdb.compat.slt;

/** The type letter a query record declares for one result column; it decides how values are rendered. */
public enum ColumnType {
    INTEGER('I'),
    REAL('R'),
    TEXT('T');

    private final char letter;

    ColumnType(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }

    public static ColumnType ofLetter(char letter) {
        for (ColumnType type : values()) {
            if (type.letter == letter) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown column type letter '" + letter + "'");
    }
}
