package io.weftdb.ir.parse;

import java.util.List;

/**
 * One SQL dialect's parser: text in, IR out. The protocol modules implement it for their dialect;
 * front ends that speak no wire protocol of their own (HTTP) are handed the parsers by the launcher,
 * so no protocol module depends on another.
 */
public interface SqlParser {

    /**
     * Parses a script of statements separated by semicolons; empty statements are skipped.
     *
     * @throws io.weftdb.ir.error.SqlException SYNTAX_ERROR with the 1-based position of the offending
     *         token, or another code for valid syntax naming what is not supported
     */
    List<ParsedStatement> parse(String sql);
}
