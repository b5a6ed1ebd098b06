package io.weftdb.engine.function;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * exp and ln of numerics to any precision (Java's BigDecimal has neither), so that numeric's
 * transcendental functions give PostgreSQL's digits instead of a double's 15 to 17.
 */
final class BigMath {
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal NEAR_ONE = new BigDecimal("0.001");

    private BigMath() {
    }

    /** e^x: halve x until it is small, sum the Taylor series, square back. */
    static BigDecimal exp(BigDecimal x, MathContext context) {
        if (x.signum() == 0) {
            return BigDecimal.ONE;
        }
        // Halve until |x| < 2^-10, so the series converges in few terms; squaring back costs a digit per halving.
        int halvings = Math.max(0, (int) Math.ceil(Math.log(Math.max(x.abs().doubleValue(), 1e-300)) / Math.log(2)) + 10);
        MathContext working = new MathContext(context.getPrecision() + halvings + 10, RoundingMode.HALF_EVEN);
        BigDecimal reduced = x.divide(TWO.pow(halvings), working);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal threshold = BigDecimal.ONE.movePointLeft(working.getPrecision() + 2);
        for (int n = 1; term.abs().compareTo(threshold) > 0; n++) {
            term = term.multiply(reduced, working).divide(BigDecimal.valueOf(n), working);
            sum = sum.add(term, working);
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, working);
        }
        return sum.round(context);
    }

    /** ln(x) for x > 0: take square roots until x is near 1, sum the atanh series, scale back. */
    static BigDecimal ln(BigDecimal x, MathContext context) {
        MathContext working = new MathContext(context.getPrecision() + 20, RoundingMode.HALF_EVEN);
        int exponent = x.precision() - x.scale() - 1;
        BigDecimal mantissa = x.movePointLeft(exponent);
        int roots = 0;
        while (mantissa.subtract(BigDecimal.ONE).abs().compareTo(NEAR_ONE) > 0) {
            mantissa = mantissa.sqrt(working);
            roots++;
        }
        BigDecimal z = mantissa.subtract(BigDecimal.ONE).divide(mantissa.add(BigDecimal.ONE), working);
        BigDecimal zSquared = z.multiply(z, working);
        BigDecimal power = z;
        BigDecimal sum = z;
        BigDecimal threshold = BigDecimal.ONE.movePointLeft(working.getPrecision() + 2);
        for (int k = 3; power.abs().compareTo(threshold) > 0; k += 2) {
            power = power.multiply(zSquared, working);
            sum = sum.add(power.divide(BigDecimal.valueOf(k), working), working);
        }
        BigDecimal result = sum.multiply(TWO.pow(roots + 1), working);
        if (exponent != 0) {
            result = result.add(ln10(working).multiply(BigDecimal.valueOf(exponent), working), working);
        }
        return result.round(context);
    }

    private static BigDecimal ln10(MathContext context) {
        // ln(10) = 3 ln 2 + ln 1.25, both arguments near enough to 1 for the series above.
        BigDecimal ln2 = ln(TWO, context);
        return ln2.multiply(BigDecimal.valueOf(3), context).add(ln(new BigDecimal("1.25"), context), context);
    }
}
