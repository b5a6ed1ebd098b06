package io.weftdb.compat.slt;

/** Why a record failed, coarse enough to say what the engine should build next. */
public enum FailureCause {
    /** The PostgreSQL dialect parser rejected the text (SQLSTATE class 42601 and friends). */
    PARSE_ERROR,
    /** The engine or parser said the feature is not supported (SQLSTATE 0A000). */
    UNSUPPORTED_FEATURE,
    /** The statement ran past the statement timeout (SQLSTATE 57014). */
    TIMEOUT,
    /** Any other SQL error, such as an unknown function or a type mismatch. */
    OTHER_ERROR,
    /** A Java exception that is not a SQL error: an engine bug. */
    INTERNAL_ERROR,
    /** The statement or query ran but the answer differed, or an expected error did not happen. */
    WRONG_RESULT;

    /** The cause of an engine error. */
    static FailureCause of(io.weftdb.ir.error.ErrorCode code) {
        return switch (code) {
            case FEATURE_NOT_SUPPORTED -> UNSUPPORTED_FEATURE;
            case SYNTAX_ERROR, STATEMENT_TOO_COMPLEX -> PARSE_ERROR;
            case QUERY_CANCELED -> TIMEOUT;
            case INTERNAL_ERROR -> INTERNAL_ERROR;
            default -> OTHER_ERROR;
        };
    }

    /**
     * The cause of an error a driver reported: PostgreSQL's SQLSTATE, or MySQL's error number
     * ({@code vendorCode}, non-zero on the MySQL wire); a null SQLSTATE is the driver's own failure.
     */
    static FailureCause ofDriverError(String sqlState, int vendorCode) {
        if (vendorCode != 0) {
            return switch (vendorCode) {
                case 1064, 1149 -> PARSE_ERROR;
                case 1235 -> UNSUPPORTED_FEATURE;
                case 1317, 3024 -> TIMEOUT;
                default -> OTHER_ERROR;
            };
        }
        if (sqlState == null) {
            return INTERNAL_ERROR;
        }
        return switch (sqlState) {
            case "0A000" -> UNSUPPORTED_FEATURE;
            case "42601", "54001" -> PARSE_ERROR;
            case "57014" -> TIMEOUT;
            case "XX000" -> INTERNAL_ERROR;
            default -> OTHER_ERROR;
        };
    }
}
