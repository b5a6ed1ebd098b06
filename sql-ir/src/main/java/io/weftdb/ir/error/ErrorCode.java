package io.weftdb.ir.error;

/**
 * The one catalogue of errors the engine raises, each with its category and SQLSTATE. The MySQL
 * listener maps them through its own table to MySQL's error numbers; nothing here knows a protocol.
 */
public enum ErrorCode {
    SYNTAX_ERROR(ErrorCategory.SYNTAX, "42601"),
    STATEMENT_TOO_COMPLEX(ErrorCategory.SYNTAX, "54001"),
    INVALID_NAME(ErrorCategory.SYNTAX, "42602"),
    UNDEFINED_TABLE(ErrorCategory.UNDEFINED_OBJECT, "42P01"),
    UNDEFINED_COLUMN(ErrorCategory.UNDEFINED_OBJECT, "42703"),
    UNDEFINED_FUNCTION(ErrorCategory.UNDEFINED_OBJECT, "42883"),
    UNDEFINED_SCHEMA(ErrorCategory.UNDEFINED_OBJECT, "3F000"),
    UNDEFINED_DATABASE(ErrorCategory.UNDEFINED_OBJECT, "3D000"),
    UNDEFINED_OBJECT(ErrorCategory.UNDEFINED_OBJECT, "42704"),
    UNDEFINED_PARAMETER(ErrorCategory.UNDEFINED_OBJECT, "42P02"),
    UNDEFINED_SAVEPOINT(ErrorCategory.TRANSACTION, "3B001"),
    DUPLICATE_TABLE(ErrorCategory.DUPLICATE_OBJECT, "42P07"),
    DUPLICATE_COLUMN(ErrorCategory.DUPLICATE_OBJECT, "42701"),
    DUPLICATE_SCHEMA(ErrorCategory.DUPLICATE_OBJECT, "42P06"),
    DUPLICATE_DATABASE(ErrorCategory.DUPLICATE_OBJECT, "42P04"),
    DUPLICATE_OBJECT(ErrorCategory.DUPLICATE_OBJECT, "42710"),
    AMBIGUOUS_COLUMN(ErrorCategory.SYNTAX, "42702"),
    DATATYPE_MISMATCH(ErrorCategory.SYNTAX, "42804"),
    GROUPING_ERROR(ErrorCategory.SYNTAX, "42803"),
    INVALID_COLUMN_REFERENCE(ErrorCategory.SYNTAX, "42P10"),
    INVALID_TABLE_DEFINITION(ErrorCategory.SYNTAX, "42P16"),
    DEPENDENT_OBJECTS_STILL_EXIST(ErrorCategory.DUPLICATE_OBJECT, "2BP01"),
    INVALID_FOREIGN_KEY(ErrorCategory.SYNTAX, "42830"),
    GENERATED_ALWAYS(ErrorCategory.SYNTAX, "428C9"),
    WRONG_OBJECT_TYPE(ErrorCategory.SYNTAX, "42809"),
    OBJECT_IN_USE(ErrorCategory.CONCURRENCY, "55006"),
    OBJECT_NOT_IN_PREREQUISITE_STATE(ErrorCategory.TRANSACTION, "55000"),
    DIVISION_BY_ZERO(ErrorCategory.DATA, "22012"),
    INVALID_ESCAPE_SEQUENCE(ErrorCategory.DATA, "22025"),
    INVALID_PRECEDING_OR_FOLLOWING_SIZE(ErrorCategory.DATA, "22013"),
    WINDOWING_ERROR(ErrorCategory.SYNTAX, "42P20"),
    INVALID_RECURSION(ErrorCategory.SYNTAX, "42P19"),
    DUPLICATE_ALIAS(ErrorCategory.DUPLICATE_OBJECT, "42712"),
    CARDINALITY_VIOLATION(ErrorCategory.DATA, "21000"),
    NUMERIC_VALUE_OUT_OF_RANGE(ErrorCategory.DATA, "22003"),
    INVALID_TEXT_REPRESENTATION(ErrorCategory.DATA, "22P02"),
    INVALID_DATETIME_FORMAT(ErrorCategory.DATA, "22007"),
    DATETIME_FIELD_OVERFLOW(ErrorCategory.DATA, "22008"),
    STRING_DATA_RIGHT_TRUNCATION(ErrorCategory.DATA, "22001"),
    INVALID_PARAMETER_VALUE(ErrorCategory.DATA, "22023"),
    CANNOT_COERCE(ErrorCategory.DATA, "42846"),
    BAD_COPY_FILE_FORMAT(ErrorCategory.DATA, "22P04"),
    CHARACTER_NOT_IN_REPERTOIRE(ErrorCategory.DATA, "22021"),
    NULL_VALUE_NOT_ALLOWED(ErrorCategory.DATA, "22004"),
    SUBSTRING_ERROR(ErrorCategory.DATA, "22011"),
    INVALID_REGULAR_EXPRESSION(ErrorCategory.DATA, "2201B"),
    INVALID_ARGUMENT_FOR_LOGARITHM(ErrorCategory.DATA, "2201E"),
    INVALID_ARGUMENT_FOR_POWER_FUNCTION(ErrorCategory.DATA, "2201F"),
    INVALID_ARGUMENT_FOR_WIDTH_BUCKET(ErrorCategory.DATA, "2201G"),
    ARRAY_SUBSCRIPT_ERROR(ErrorCategory.DATA, "2202E"),
    NOT_NULL_VIOLATION(ErrorCategory.INTEGRITY, "23502"),
    UNIQUE_VIOLATION(ErrorCategory.INTEGRITY, "23505"),
    FOREIGN_KEY_VIOLATION(ErrorCategory.INTEGRITY, "23503"),
    CHECK_VIOLATION(ErrorCategory.INTEGRITY, "23514"),
    SEQUENCE_LIMIT_EXCEEDED(ErrorCategory.DATA, "2200H"),
    ACTIVE_SQL_TRANSACTION(ErrorCategory.TRANSACTION, "25001"),
    NO_ACTIVE_SQL_TRANSACTION(ErrorCategory.TRANSACTION, "25P01"),
    IN_FAILED_SQL_TRANSACTION(ErrorCategory.TRANSACTION, "25P02"),
    READ_ONLY_SQL_TRANSACTION(ErrorCategory.TRANSACTION, "25006"),
    INVALID_TRANSACTION_STATE(ErrorCategory.TRANSACTION, "25000"),
    SERIALIZATION_FAILURE(ErrorCategory.CONCURRENCY, "40001"),
    DEADLOCK_DETECTED(ErrorCategory.CONCURRENCY, "40P01"),
    LOCK_NOT_AVAILABLE(ErrorCategory.CONCURRENCY, "55P03"),
    QUERY_CANCELED(ErrorCategory.OPERATOR_INTERVENTION, "57014"),
    ADMIN_SHUTDOWN(ErrorCategory.OPERATOR_INTERVENTION, "57P01"),
    FEATURE_NOT_SUPPORTED(ErrorCategory.FEATURE, "0A000"),
    INSUFFICIENT_PRIVILEGE(ErrorCategory.PERMISSION, "42501"),
    INVALID_PASSWORD(ErrorCategory.PERMISSION, "28P01"),
    PROGRAM_LIMIT_EXCEEDED(ErrorCategory.RESOURCE, "54000"),
    OUT_OF_MEMORY(ErrorCategory.RESOURCE, "53200"),
    DISK_FULL(ErrorCategory.RESOURCE, "53100"),
    IO_ERROR(ErrorCategory.INTERNAL, "58030"),
    INTERNAL_ERROR(ErrorCategory.INTERNAL, "XX000");

    private final ErrorCategory category;
    private final String sqlState;

    ErrorCode(ErrorCategory category, String sqlState) {
        this.category = category;
        this.sqlState = sqlState;
    }

    public ErrorCategory category() {
        return category;
    }

    /**
     * The five-character SQLSTATE: the SQL standard's class and PostgreSQL's subclass (Appendix A of
     * the PostgreSQL manual), which the PostgreSQL listener and the HTTP API report. The MySQL
     * listener maps codes to MySQL's own errors instead.
     */
    public String sqlState() {
        return sqlState;
    }
}
