package io.weftdb.engine.function;

/**
 * Trigonometry in degrees as PostgreSQL's float.c computes it: arguments are reduced to the first
 * quadrant and results scaled by the exact values at 30, 45 and 60 degrees, so sind(30) is exactly
 * 0.5 and tand(45) exactly 1.
 */
final class DegreeTrigonometry {
    private static final double RADIANS_PER_DEGREE = Math.PI / 180;
    private static final double SIN_30 = Math.sin(30 * RADIANS_PER_DEGREE);
    private static final double ONE_MINUS_COS_60 = 1.0 - Math.cos(60 * RADIANS_PER_DEGREE);
    private static final double ASIN_0_5 = Math.asin(0.5);
    private static final double ACOS_0_5 = Math.acos(0.5);
    private static final double ATAN_1_0 = Math.atan(1.0);
    private static final double TAN_45 = sinFirstQuadrant(45) / cosFirstQuadrant(45);

    private DegreeTrigonometry() {
    }

    private static double sin0To30(double x) {
        return Math.sin(x * RADIANS_PER_DEGREE) / SIN_30 / 2.0;
    }

    private static double cos0To60(double x) {
        return 1.0 - (1.0 - Math.cos(x * RADIANS_PER_DEGREE)) / ONE_MINUS_COS_60 / 2.0;
    }

    private static double sinFirstQuadrant(double x) {
        return x <= 30.0 ? sin0To30(x) : cos0To60(90.0 - x);
    }

    private static double cosFirstQuadrant(double x) {
        return x <= 60.0 ? cos0To60(x) : sin0To30(90.0 - x);
    }

    private static double requireFinite(double x) {
        if (Double.isInfinite(x)) {
            throw FunctionErrors.outOfRange("input is out of range");
        }
        return x;
    }

    static double sind(double degrees) {
        double x = requireFinite(degrees) % 360.0;
        double sign = 1;
        if (x < 0) {
            x = -x;
            sign = -sign;
        }
        if (x > 180) {
            x = 360 - x;
            sign = -sign;
        }
        if (x > 90) {
            x = 180 - x;
        }
        return sign * sinFirstQuadrant(x);
    }

    static double cosd(double degrees) {
        double x = Math.abs(requireFinite(degrees) % 360.0);
        double sign = 1;
        if (x > 180) {
            x = 360 - x;
        }
        if (x > 90) {
            x = 180 - x;
            sign = -sign;
        }
        return sign * cosFirstQuadrant(x);
    }

    static double tand(double degrees) {
        double x = requireFinite(degrees) % 360.0;
        double sign = 1;
        if (x < 0) {
            x = -x;
            sign = -sign;
        }
        if (x > 180) {
            x = 360 - x;
            sign = -sign;
        }
        if (x > 90) {
            x = 180 - x;
            sign = -sign;
        }
        return sign * (sinFirstQuadrant(x) / cosFirstQuadrant(x) / TAN_45);
    }

    private static double asinFirstQuadrant(double x) {
        return x <= 0.5 ? Math.asin(x) / ASIN_0_5 * 30.0 : 90.0 - Math.acos(x) / ACOS_0_5 * 60.0;
    }

    private static double acosFirstQuadrant(double x) {
        return x <= 0.5 ? 90.0 - Math.asin(x) / ASIN_0_5 * 30.0 : Math.acos(x) / ACOS_0_5 * 60.0;
    }

    private static double requireUnit(double x) {
        if (x < -1 || x > 1) {
            throw FunctionErrors.outOfRange("input is out of range");
        }
        return x;
    }

    static double asind(double x) {
        return requireUnit(x) >= 0 ? asinFirstQuadrant(x) : -asinFirstQuadrant(-x);
    }

    static double acosd(double x) {
        return requireUnit(x) >= 0 ? acosFirstQuadrant(x) : 90.0 + asinFirstQuadrant(-x);
    }

    static double atand(double x) {
        return Math.atan(x) / ATAN_1_0 * 45.0;
    }
}
