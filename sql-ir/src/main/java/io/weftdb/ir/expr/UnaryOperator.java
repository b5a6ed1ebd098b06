package io.weftdb.ir.expr;

public enum UnaryOperator {
    PLUS("+"), MINUS("-"), NOT("NOT"), BITWISE_NOT("~");

    private final String symbol;

    UnaryOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
