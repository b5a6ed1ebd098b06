package io.weftdb.ir.expr;

public enum BinaryOperator {
    ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), MODULO("%"), POWER("^"),
    CONCAT("||"),
    EQUAL("="), NOT_EQUAL("<>"), LESS("<"), LESS_EQUAL("<="), GREATER(">"), GREATER_EQUAL(">="),
    AND("AND"), OR("OR"),
    BITWISE_AND("&"), BITWISE_OR("|"), BITWISE_XOR("#"), SHIFT_LEFT("<<"), SHIFT_RIGHT(">>"),
    REGEX_MATCH("~"), REGEX_IMATCH("~*"), REGEX_NOT_MATCH("!~"), REGEX_NOT_IMATCH("!~*"),
    JSON_GET("->"), JSON_GET_TEXT("->>"), JSON_PATH("#>"), JSON_PATH_TEXT("#>>"), CONTAINS("@>"), CONTAINED_BY("<@"),
    HAS_KEY("?"), HAS_ANY_KEY("?|"), HAS_ALL_KEYS("?&"), OVERLAPS("&&");

    private final String symbol;

    BinaryOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean isComparison() {
        return switch (this) {
            case EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL -> true;
            default -> false;
        };
    }

    /** The operator that gives the same answer with its operands swapped ({@code a < b} = {@code b > a}). */
    public BinaryOperator flip() {
        return switch (this) {
            case LESS -> GREATER;
            case LESS_EQUAL -> GREATER_EQUAL;
            case GREATER -> LESS;
            case GREATER_EQUAL -> LESS_EQUAL;
            default -> this;
        };
    }

    /** The comparison that is true exactly when this one is false (for non-null operands). */
    public BinaryOperator negate() {
        return switch (this) {
            case EQUAL -> NOT_EQUAL;
            case NOT_EQUAL -> EQUAL;
            case LESS -> GREATER_EQUAL;
            case LESS_EQUAL -> GREATER;
            case GREATER -> LESS_EQUAL;
            case GREATER_EQUAL -> LESS;
            default -> throw new IllegalStateException(this + " has no negation");
        };
    }

    public static BinaryOperator fromSymbol(String symbol) {
        for (BinaryOperator operator : values()) {
            if (operator.symbol.equals(symbol)) {
                return operator;
            }
        }
        return switch (symbol) {
            case "!=" -> NOT_EQUAL;
            default -> null;
        };
    }
}
