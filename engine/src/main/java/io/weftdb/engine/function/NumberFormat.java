package io.weftdb.engine.function;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * to_char's numeric template patterns: 9 (digit, blank when leading), 0 (digit, zero when
 * leading), . or D (decimal point), , or G (group separator), S / MI / PL / SG / PR (sign), FM
 * (no padding), EEEE (scientific notation) and quoted text; a value too wide for the template
 * shows as #, as in PostgreSQL.
 */
final class NumberFormat {
    private NumberFormat() {
    }

    static String format(BigDecimal value, String template) {
        String upper = template.toUpperCase(Locale.ROOT);
        boolean fill = upper.contains("FM");
        int point = indexOfPoint(upper);
        int integerDigits = 0;
        int fractionDigits = 0;
        int firstZero = -1;
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (c == '9' || c == '0') {
                if (point < 0 || i < point) {
                    if (c == '0' && firstZero < 0) {
                        firstZero = integerDigits;
                    }
                    integerDigits++;
                } else {
                    fractionDigits++;
                }
            }
        }
        if (upper.contains("RN")) {
            return roman(value, fill, Character.isLowerCase(template.charAt(upper.indexOf("RN"))));
        }
        if (upper.contains("EEEE")) {
            return scientific(value, fractionDigits);
        }
        BigDecimal rounded = value.abs().setScale(fractionDigits, RoundingMode.HALF_UP);
        String plain = rounded.toPlainString();
        String integerPart = plain.contains(".") ? plain.substring(0, plain.indexOf('.')) : plain;
        String fractionPart = plain.contains(".") ? plain.substring(plain.indexOf('.') + 1) : "";
        if (integerPart.equals("0") && (integerDigits == 0 || firstZero < 0 && fractionDigits > 0)) {
            integerPart = "";
        }
        boolean overflow = integerPart.length() > integerDigits;
        boolean negative = value.signum() < 0 && rounded.signum() != 0;
        int firstDigit = firstDigitIndex(upper);
        int signAt = upper.indexOf('S');
        // An S before the digits is written next to the first digit, with + for positive numbers.
        boolean leadingS = signAt >= 0 && signAt < firstDigit && !upper.startsWith("SG", signAt);
        boolean explicitSign = signAt >= 0 && !leadingS || upper.contains("MI") || upper.contains("PR");
        String positiveSign = leadingS ? "+" : fill ? "" : " ";
        // Digits print from the first significant digit or the first 0 in the template, whichever comes first.
        int leadingBlank = integerDigits - Math.max(integerPart.length(),
                firstZero < 0 ? (integerPart.isEmpty() && fractionDigits == 0 ? 1 : 0) : integerDigits - firstZero);
        if (integerPart.isEmpty() && fractionDigits == 0) {
            integerPart = "0";
        }
        String padded = "0".repeat(Math.max(0, integerDigits - integerPart.length())) + integerPart;
        StringBuilder out = new StringBuilder();
        int digitIndex = 0;
        int fractionIndex = 0;
        boolean signWritten = false;
        boolean started = false;
        int trailingOptionalZeros = 0;
        int lastFractionEnd = -1;
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (upper.startsWith("FM", i)) {
                i++;
                continue;
            }
            if (c == '"') {
                int end = template.indexOf('"', i + 1);
                end = end < 0 ? template.length() : end;
                out.append(template, i + 1, end);
                i = end;
                continue;
            }
            if ((c == '9' || c == '0') && (point < 0 || i < point)) {
                if (overflow) {
                    if (!explicitSign && !signWritten) {
                        out.append(negative ? "-" : positiveSign);
                        signWritten = true;
                    }
                    out.append('#');
                } else if (digitIndex < leadingBlank) {
                    if (!fill) {
                        out.append(' ');
                    }
                } else {
                    if (!started && !explicitSign && !signWritten) {
                        out.append(negative ? "-" : positiveSign);
                        signWritten = true;
                    }
                    started = true;
                    out.append(padded.charAt(digitIndex));
                }
                digitIndex++;
            } else if (c == '9' || c == '0') {
                char digit = overflow ? '#' : fractionPart.charAt(fractionIndex);
                if (c == '9' && digit == '0') {
                    trailingOptionalZeros++;
                } else {
                    trailingOptionalZeros = 0;
                }
                lastFractionEnd = out.length() + 1;
                out.append(digit);
                fractionIndex++;
            } else if (c == '.' || c == 'D') {
                if (!started && !explicitSign && !signWritten && !overflow) {
                    out.append(negative ? "-" : positiveSign);
                    signWritten = true;
                    started = true;
                }
                out.append(overflow ? '#' : '.');
            } else if (c == ',' || c == 'G') {
                if (started || overflow) {
                    out.append(overflow ? '#' : ',');
                } else if (!fill) {
                    out.append(' ');
                }
            } else if (upper.startsWith("MI", i)) {
                out.append(negative ? '-' : fill ? "" : " ");
                i++;
            } else if (upper.startsWith("PL", i)) {
                out.append(negative ? "" : "+");
                i++;
            } else if (upper.startsWith("SG", i)) {
                out.append(negative ? '-' : '+');
                i++;
            } else if (upper.startsWith("PR", i)) {
                if (negative) {
                    out.insert(0, '<').append('>');
                } else if (!fill) {
                    out.insert(0, ' ').append(' ');
                }
                i++;
            } else if (c == 'S') {
                if (!leadingS) {
                    out.append(negative ? '-' : '+');
                }
            } else if (c == 'L') {
                out.append(' ');
            } else {
                out.append(template.charAt(i));
            }
        }
        if (fill && fractionDigits == 0 && out.length() > 0 && out.charAt(out.length() - 1) == '.') {
            out.setLength(out.length() - 1);
        }
        if (fill && lastFractionEnd > 0 && trailingOptionalZeros > 0) {
            // FM drops the trailing zeros that 9s produced after the point (but keeps the point).
            out.delete(lastFractionEnd - trailingOptionalZeros, lastFractionEnd);
        }
        return out.toString();
    }

    /**
     * to_number: reads as many integer and fraction digits as the template has places for,
     * skipping group separators, currency and spaces; a minus sign or angle brackets make it negative.
     */
    static BigDecimal parse(String text, String template) {
        String upper = template.toUpperCase(Locale.ROOT);
        int point = indexOfPoint(upper);
        int integerPlaces = 0;
        int fractionPlaces = 0;
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (c == '9' || c == '0') {
                if (point < 0 || i < point) {
                    integerPlaces++;
                } else {
                    fractionPlaces++;
                }
            }
        }
        StringBuilder integer = new StringBuilder();
        StringBuilder fraction = new StringBuilder();
        boolean negative = false;
        boolean inFraction = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                if (inFraction) {
                    if (fraction.length() < fractionPlaces) {
                        fraction.append(c);
                    }
                } else if (integer.length() < integerPlaces) {
                    integer.append(c);
                }
            } else if (c == '.' && point >= 0) {
                inFraction = true;
            } else if (c == '-' || c == '<') {
                negative = true;
            }
        }
        if (integer.isEmpty() && fraction.isEmpty()) {
            throw new SqlException(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type numeric: \" \"");
        }
        BigDecimal number = new BigDecimal((integer.isEmpty() ? "0" : integer) + (fraction.isEmpty() ? "" : "." + fraction));
        return negative ? number.negate() : number;
    }

    /** RN: the value rounded to an integer in Roman numerals (1 to 3999), right-aligned in 15 characters. */
    private static String roman(BigDecimal value, boolean fill, boolean lower) {
        int number = value.setScale(0, RoundingMode.HALF_UP).intValue();
        if (number < 1 || number > 3999) {
            return "#".repeat(15);
        }
        String[] thousands = {"", "M", "MM", "MMM"};
        String[] hundreds = {"", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"};
        String[] tens = {"", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"};
        String[] units = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
        String roman = thousands[number / 1000] + hundreds[number / 100 % 10] + tens[number / 10 % 10] + units[number % 10];
        roman = lower ? roman.toLowerCase(Locale.ROOT) : roman;
        return fill ? roman : " ".repeat(15 - roman.length()) + roman;
    }

    private static int firstDigitIndex(String template) {
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '9' || c == '0' || c == '.' || c == 'D') {
                return i;
            }
        }
        return template.length();
    }

    private static int indexOfPoint(String template) {
        int dot = template.indexOf('.');
        int d = template.indexOf('D');
        if (dot < 0) {
            return d;
        }
        return d < 0 ? dot : Math.min(dot, d);
    }

    private static String scientific(BigDecimal value, int fractionDigits) {
        if (value.signum() == 0) {
            return " 0." + "0".repeat(fractionDigits) + "e+00";
        }
        int exponent = value.precision() - value.scale() - 1;
        BigDecimal mantissa = value.movePointLeft(exponent).setScale(fractionDigits, RoundingMode.HALF_UP);
        if (mantissa.abs().compareTo(BigDecimal.TEN) >= 0) {
            exponent++;
            mantissa = value.movePointLeft(exponent).setScale(fractionDigits, RoundingMode.HALF_UP);
        }
        String sign = mantissa.signum() < 0 ? "-" : " ";
        String exponentText = String.format("%s%02d", exponent < 0 ? "-" : "+", Math.abs(exponent));
        return sign + mantissa.abs().toPlainString() + "e" + exponentText;
    }
}
