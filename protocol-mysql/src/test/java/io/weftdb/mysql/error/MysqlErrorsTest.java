package io.weftdb.mysql.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.ir.error.ErrorCode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MysqlErrorsTest {

    @Test
    void everyEngineErrorHasAVendorCodeAndAFiveCharacterSqlState() {
        for (ErrorCode code : ErrorCode.values()) {
            MysqlVendorError error = MysqlErrors.of(code);
            assertThat(error.code()).as(code.name()).isBetween(1000, 4000);
            assertThat(error.sqlState()).as(code.name()).hasSize(5);
        }
    }

    @Test
    void theErrorsApplicationsTestForMapAsMysqlReportsThem() {
        assertThat(MysqlErrors.of(ErrorCode.UNIQUE_VIOLATION)).isEqualTo(MysqlVendorError.ER_DUP_ENTRY);
        assertThat(MysqlErrors.of(ErrorCode.UNDEFINED_TABLE).code()).isEqualTo(1146);
        assertThat(MysqlErrors.of(ErrorCode.UNDEFINED_COLUMN).code()).isEqualTo(1054);
        assertThat(MysqlErrors.of(ErrorCode.SYNTAX_ERROR).code()).isEqualTo(1064);
        assertThat(MysqlErrors.of(ErrorCode.DUPLICATE_TABLE).code()).isEqualTo(1050);
        assertThat(MysqlErrors.of(ErrorCode.FOREIGN_KEY_VIOLATION).code()).isEqualTo(1452);
        assertThat(MysqlErrors.of(ErrorCode.DEADLOCK_DETECTED).sqlState()).isEqualTo("40001");
        assertThat(MysqlErrors.of(ErrorCode.LOCK_NOT_AVAILABLE).code()).isEqualTo(1205);
        assertThat(MysqlErrors.of(ErrorCode.STRING_DATA_RIGHT_TRUNCATION).code()).isEqualTo(1406);
        assertThat(MysqlErrors.of(ErrorCode.FEATURE_NOT_SUPPORTED).code()).isEqualTo(1235);
    }

    @Test
    void vendorCodesAreUnique() {
        Set<Integer> codes = new HashSet<>();
        for (MysqlVendorError error : MysqlVendorError.values()) {
            assertThat(codes.add(error.code())).as(error.name()).isTrue();
        }
    }
}
