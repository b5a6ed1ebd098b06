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
    WRONG_RESULT
}
