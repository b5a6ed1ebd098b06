package io.weftdb.http;

import io.weftdb.ir.error.ErrorCategory;
import io.weftdb.ir.error.ErrorCode;

/**
 * The SQLSTATE the HTTP API reports for each engine error, PostgreSQL's codes (the HTTP API speaks
 * the same codes as the PostgreSQL listener, so clients handle errors the same way on both), and
 * the HTTP status that goes with it. The switches have no default branch: a new {@link ErrorCode}
 * does not compile until it is mapped here.
 */
final class SqlStates {
    private SqlStates() {
    }

    static String of(ErrorCode code) {
        return switch (code) {
            case SYNTAX_ERROR -> "42601";
            case STATEMENT_TOO_COMPLEX -> "54001";
            case INVALID_NAME -> "42602";
            case UNDEFINED_TABLE -> "42P01";
            case UNDEFINED_COLUMN -> "42703";
            case UNDEFINED_FUNCTION -> "42883";
            case UNDEFINED_SCHEMA -> "3F000";
            case UNDEFINED_DATABASE -> "3D000";
            case UNDEFINED_OBJECT -> "42704";
            case UNDEFINED_PARAMETER -> "42P02";
            case UNDEFINED_SAVEPOINT -> "3B001";
            case DUPLICATE_TABLE -> "42P07";
            case DUPLICATE_COLUMN -> "42701";
            case DUPLICATE_SCHEMA -> "42P06";
            case DUPLICATE_DATABASE -> "42P04";
            case DUPLICATE_OBJECT -> "42710";
            case AMBIGUOUS_COLUMN -> "42702";
            case DATATYPE_MISMATCH -> "42804";
            case GROUPING_ERROR -> "42803";
            case INVALID_COLUMN_REFERENCE -> "42P10";
            case INVALID_TABLE_DEFINITION -> "42P16";
            case DEPENDENT_OBJECTS_STILL_EXIST -> "2BP01";
            case INVALID_FOREIGN_KEY -> "42830";
            case GENERATED_ALWAYS -> "428C9";
            case WRONG_OBJECT_TYPE -> "42809";
            case OBJECT_IN_USE -> "55006";
            case OBJECT_NOT_IN_PREREQUISITE_STATE -> "55000";
            case DIVISION_BY_ZERO -> "22012";
            case INVALID_RECURSION -> "42P19";
            case INVALID_PRECEDING_OR_FOLLOWING_SIZE -> "22013";
            case WINDOWING_ERROR -> "42P20";
            case DUPLICATE_ALIAS -> "42712";
            case CARDINALITY_VIOLATION -> "21000";
            case NUMERIC_VALUE_OUT_OF_RANGE -> "22003";
            case INVALID_TEXT_REPRESENTATION -> "22P02";
            case INVALID_DATETIME_FORMAT -> "22007";
            case DATETIME_FIELD_OVERFLOW -> "22008";
            case STRING_DATA_RIGHT_TRUNCATION -> "22001";
            case INVALID_PARAMETER_VALUE -> "22023";
            case CANNOT_COERCE -> "42846";
            case BAD_COPY_FILE_FORMAT -> "22P04";
            case CHARACTER_NOT_IN_REPERTOIRE -> "22021";
            case NULL_VALUE_NOT_ALLOWED -> "22004";
            case SUBSTRING_ERROR -> "22011";
            case INVALID_REGULAR_EXPRESSION -> "2201B";
            case INVALID_ARGUMENT_FOR_LOGARITHM -> "2201E";
            case INVALID_ARGUMENT_FOR_POWER_FUNCTION -> "2201F";
            case INVALID_ARGUMENT_FOR_WIDTH_BUCKET -> "2201G";
            case ARRAY_SUBSCRIPT_ERROR -> "2202E";
            case NOT_NULL_VIOLATION -> "23502";
            case UNIQUE_VIOLATION -> "23505";
            case FOREIGN_KEY_VIOLATION -> "23503";
            case CHECK_VIOLATION -> "23514";
            case SEQUENCE_LIMIT_EXCEEDED -> "2200H";
            case ACTIVE_SQL_TRANSACTION -> "25001";
            case NO_ACTIVE_SQL_TRANSACTION -> "25P01";
            case IN_FAILED_SQL_TRANSACTION -> "25P02";
            case READ_ONLY_SQL_TRANSACTION -> "25006";
            case INVALID_TRANSACTION_STATE -> "25000";
            case SERIALIZATION_FAILURE -> "40001";
            case DEADLOCK_DETECTED -> "40P01";
            case LOCK_NOT_AVAILABLE -> "55P03";
            case QUERY_CANCELED -> "57014";
            case ADMIN_SHUTDOWN -> "57P01";
            case FEATURE_NOT_SUPPORTED -> "0A000";
            case INSUFFICIENT_PRIVILEGE -> "42501";
            case INVALID_PASSWORD -> "28P01";
            case PROGRAM_LIMIT_EXCEEDED -> "54000";
            case OUT_OF_MEMORY -> "53200";
            case DISK_FULL -> "53100";
            case IO_ERROR -> "58030";
            case INTERNAL_ERROR -> "XX000";
        };
    }

    /**
     * The HTTP status of a failed request. Conflicts with other transactions or with rows already
     * stored (a retry or a different value may succeed) are 409; a cancelled or timed-out statement
     * is 408; an unknown database 404; everything else the client can fix in its SQL or data is
     * 400. Codes without a status of their own take their category's.
     */
    static int httpStatus(ErrorCode code) {
        return switch (code) {
            case UNIQUE_VIOLATION, FOREIGN_KEY_VIOLATION -> 409;
            case UNDEFINED_DATABASE -> 404;
            case DISK_FULL -> 507;
            case OUT_OF_MEMORY, ADMIN_SHUTDOWN -> 503;
            case QUERY_CANCELED -> 408;
            case INVALID_PASSWORD -> 401;
            default -> httpStatus(code.category());
        };
    }

    private static int httpStatus(ErrorCategory category) {
        return switch (category) {
            case SYNTAX, UNDEFINED_OBJECT, DUPLICATE_OBJECT, DATA, INTEGRITY, TRANSACTION, FEATURE, RESOURCE -> 400;
            case CONCURRENCY -> 409;
            case OPERATOR_INTERVENTION -> 503;
            case PERMISSION -> 403;
            case INTERNAL -> 500;
        };
    }
}
