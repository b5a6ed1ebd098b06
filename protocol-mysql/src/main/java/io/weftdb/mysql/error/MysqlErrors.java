package io.weftdb.mysql.error;

import io.weftdb.ir.error.ErrorCode;

/**
 * The one mapping from the engine's error catalogue to MySQL's vendor errors. The switch has no
 * default branch: a new {@link ErrorCode} does not compile until it is mapped here.
 */
public final class MysqlErrors {

    private MysqlErrors() {
    }

    /**
     * The code of a warning that reports an error let pass: where MySQL's non-strict mode adjusts a
     * value, its warning is not the code strict mode's error has (1265, not 1406, for a cut string).
     */
    public static MysqlVendorError warningOf(ErrorCode code) {
        return switch (code) {
            case STRING_DATA_RIGHT_TRUNCATION -> MysqlVendorError.WARN_DATA_TRUNCATED;
            case NUMERIC_VALUE_OUT_OF_RANGE -> MysqlVendorError.ER_WARN_DATA_OUT_OF_RANGE;
            case INVALID_TEXT_REPRESENTATION -> MysqlVendorError.ER_TRUNCATED_WRONG_VALUE_FOR_FIELD;
            default -> of(code);
        };
    }

    public static MysqlVendorError of(ErrorCode code) {
        return switch (code) {
            case SYNTAX_ERROR -> MysqlVendorError.ER_PARSE_ERROR;
            case STATEMENT_TOO_COMPLEX -> MysqlVendorError.ER_STACK_OVERRUN_NEED_MORE;
            case INVALID_NAME -> MysqlVendorError.ER_WRONG_TABLE_NAME;
            case UNDEFINED_TABLE -> MysqlVendorError.ER_NO_SUCH_TABLE;
            case UNDEFINED_COLUMN -> MysqlVendorError.ER_BAD_FIELD_ERROR;
            case UNDEFINED_FUNCTION, UNDEFINED_SAVEPOINT, NO_ACTIVE_SQL_TRANSACTION -> MysqlVendorError.ER_SP_DOES_NOT_EXIST;
            case UNDEFINED_SCHEMA, UNDEFINED_DATABASE -> MysqlVendorError.ER_BAD_DB_ERROR;
            case UNDEFINED_OBJECT -> MysqlVendorError.ER_CANT_DROP_FIELD_OR_KEY;
            case UNDEFINED_PARAMETER, DATATYPE_MISMATCH, OBJECT_NOT_IN_PREREQUISITE_STATE, NULL_VALUE_NOT_ALLOWED,
                 SUBSTRING_ERROR, INVALID_ARGUMENT_FOR_LOGARITHM, INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                 INVALID_ARGUMENT_FOR_WIDTH_BUCKET, ARRAY_SUBSCRIPT_ERROR ->
                    MysqlVendorError.ER_WRONG_ARGUMENTS;
            case INVALID_RECURSION -> MysqlVendorError.ER_CTE_RECURSIVE_REQUIRES_UNION;
            case INVALID_PRECEDING_OR_FOLLOWING_SIZE, INVALID_ESCAPE_SEQUENCE -> MysqlVendorError.ER_WRONG_ARGUMENTS;
            case WINDOWING_ERROR -> MysqlVendorError.ER_PARSE_ERROR;
            case DUPLICATE_ALIAS -> MysqlVendorError.ER_NONUNIQ_TABLE;
            case CARDINALITY_VIOLATION -> MysqlVendorError.ER_SUBQUERY_NO_1_ROW;
            case INVALID_REGULAR_EXPRESSION -> MysqlVendorError.ER_REGEXP_ILLEGAL_ARGUMENT;
            case DUPLICATE_TABLE -> MysqlVendorError.ER_TABLE_EXISTS_ERROR;
            case DUPLICATE_COLUMN -> MysqlVendorError.ER_DUP_FIELDNAME;
            case DUPLICATE_SCHEMA, DUPLICATE_DATABASE -> MysqlVendorError.ER_DB_CREATE_EXISTS;
            case DUPLICATE_OBJECT -> MysqlVendorError.ER_DUP_KEYNAME;
            case AMBIGUOUS_COLUMN -> MysqlVendorError.ER_NON_UNIQ_ERROR;
            case GROUPING_ERROR -> MysqlVendorError.ER_WRONG_FIELD_WITH_GROUP;
            case INVALID_COLUMN_REFERENCE -> MysqlVendorError.ER_ILLEGAL_REFERENCE;
            case INVALID_TABLE_DEFINITION -> MysqlVendorError.ER_WRONG_AUTO_KEY;
            case DEPENDENT_OBJECTS_STILL_EXIST -> MysqlVendorError.ER_FK_CANNOT_DROP_PARENT;
            case INVALID_FOREIGN_KEY -> MysqlVendorError.ER_CANNOT_ADD_FOREIGN;
            case GENERATED_ALWAYS -> MysqlVendorError.ER_NON_DEFAULT_VALUE_FOR_GENERATED_COLUMN;
            case WRONG_OBJECT_TYPE -> MysqlVendorError.ER_WRONG_OBJECT;
            case OBJECT_IN_USE, INVALID_TRANSACTION_STATE -> MysqlVendorError.ER_CANT_DO_THIS_DURING_AN_TRANSACTION;
            case DIVISION_BY_ZERO -> MysqlVendorError.ER_DIVISION_BY_ZERO;
            case NUMERIC_VALUE_OUT_OF_RANGE -> MysqlVendorError.ER_WARN_DATA_OUT_OF_RANGE;
            case INVALID_TEXT_REPRESENTATION, CANNOT_COERCE -> MysqlVendorError.ER_TRUNCATED_WRONG_VALUE_FOR_FIELD;
            case INVALID_DATETIME_FORMAT -> MysqlVendorError.ER_TRUNCATED_WRONG_VALUE;
            case DATETIME_FIELD_OVERFLOW -> MysqlVendorError.ER_DATETIME_FUNCTION_OVERFLOW;
            case STRING_DATA_RIGHT_TRUNCATION -> MysqlVendorError.ER_DATA_TOO_LONG;
            case INVALID_PARAMETER_VALUE -> MysqlVendorError.ER_WRONG_VALUE_FOR_VAR;
            case BAD_COPY_FILE_FORMAT, IN_FAILED_SQL_TRANSACTION, PROGRAM_LIMIT_EXCEEDED, INTERNAL_ERROR ->
                    MysqlVendorError.ER_UNKNOWN_ERROR;
            case CHARACTER_NOT_IN_REPERTOIRE -> MysqlVendorError.ER_INVALID_CHARACTER_STRING;
            case NOT_NULL_VIOLATION -> MysqlVendorError.ER_BAD_NULL_ERROR;
            case UNIQUE_VIOLATION -> MysqlVendorError.ER_DUP_ENTRY;
            case FOREIGN_KEY_VIOLATION -> MysqlVendorError.ER_NO_REFERENCED_ROW_2;
            case CHECK_VIOLATION -> MysqlVendorError.ER_CHECK_CONSTRAINT_VIOLATED;
            case SEQUENCE_LIMIT_EXCEEDED -> MysqlVendorError.ER_AUTOINC_READ_FAILED;
            case ACTIVE_SQL_TRANSACTION -> MysqlVendorError.ER_CANT_CHANGE_TX_CHARACTERISTICS;
            case READ_ONLY_SQL_TRANSACTION -> MysqlVendorError.ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION;
            case SERIALIZATION_FAILURE, DEADLOCK_DETECTED -> MysqlVendorError.ER_LOCK_DEADLOCK;
            case LOCK_NOT_AVAILABLE -> MysqlVendorError.ER_LOCK_WAIT_TIMEOUT;
            case QUERY_CANCELED -> MysqlVendorError.ER_QUERY_INTERRUPTED;
            case ADMIN_SHUTDOWN -> MysqlVendorError.ER_SERVER_SHUTDOWN;
            case FEATURE_NOT_SUPPORTED -> MysqlVendorError.ER_NOT_SUPPORTED_YET;
            case INSUFFICIENT_PRIVILEGE -> MysqlVendorError.ER_SPECIFIC_ACCESS_DENIED_ERROR;
            case INVALID_PASSWORD -> MysqlVendorError.ER_ACCESS_DENIED_ERROR;
            case OUT_OF_MEMORY -> MysqlVendorError.ER_OUTOFMEMORY;
            case DISK_FULL -> MysqlVendorError.ER_DISK_FULL;
            case IO_ERROR -> MysqlVendorError.ER_GET_ERRNO;
        };
    }
}
