package io.weftdb.ir.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorCodeSqlStateTest {

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyErrorCodeMapsToAFiveCharacterSqlState(ErrorCode code) {
        assertThat(code.sqlState()).matches("[0-9A-Z]{5}");
    }

    @ParameterizedTest
    @CsvSource({
        "SYNTAX_ERROR, 42601",
        "UNDEFINED_TABLE, 42P01",
        "UNDEFINED_COLUMN, 42703",
        "UNIQUE_VIOLATION, 23505",
        "DIVISION_BY_ZERO, 22012",
        "SEQUENCE_LIMIT_EXCEEDED, 2200H",
        "IN_FAILED_SQL_TRANSACTION, 25P02",
        "SERIALIZATION_FAILURE, 40001",
        "FEATURE_NOT_SUPPORTED, 0A000",
        "INTERNAL_ERROR, XX000",
    })
    void mapsToThePostgresqlCode(ErrorCode code, String sqlState) {
        assertThat(code.sqlState()).isEqualTo(sqlState);
    }

    @Test
    void integrityErrorsFallInPostgresqlClass23() {
        Arrays.stream(ErrorCode.values())
                .filter(code -> code.category() == ErrorCategory.INTEGRITY)
                .forEach(code -> assertThat(code.sqlState()).as(code.name()).startsWith("23"));
    }

    @Test
    void distinctEngineCodesKeepDistinctSqlStates() {
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::sqlState).distinct().count())
                .isEqualTo(ErrorCode.values().length);
    }
}
