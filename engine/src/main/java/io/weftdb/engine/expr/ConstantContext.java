package io.weftdb.engine.expr;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The context constant folding evaluates in. Only expressions marked constant are folded, and
 * those read nothing session-dependent, so every accessor here is unreachable in practice; they
 * fail loudly rather than return a made-up value.
 */
final class ConstantContext implements EvaluationContext {
    static final ConstantContext INSTANCE = new ConstantContext();

    @Override
    public List<Object> parameters() {
        return List.of();
    }

    @Override
    public Instant statementTimestamp() {
        throw new IllegalStateException("a constant expression read the statement time");
    }

    @Override
    public Instant transactionTimestamp() {
        throw new IllegalStateException("a constant expression read the transaction time");
    }

    @Override
    public ZoneId timeZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public String currentUser() {
        throw new IllegalStateException("a constant expression read the user");
    }

    @Override
    public String currentDatabase() {
        throw new IllegalStateException("a constant expression read the database");
    }

    @Override
    public String currentSchema() {
        throw new IllegalStateException("a constant expression read the schema");
    }

    @Override
    public Object callSessionFunction(String name, Object[] arguments) {
        throw new IllegalStateException("a constant expression called " + name);
    }
}
