package io.weftdb.compat.slt;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A real server over a wire protocol, through its JDBC driver: each record is one
 * {@link Statement#execute}, values read with getObject (numbers and booleans for the numeric
 * renderings) and getString (the text the server sent). A statement is stopped after
 * {@link SqlLogicTestRunner#TIMEOUT_SECONDS} by the driver's own cancel.
 */
final class JdbcSltConnection implements SltConnection {
    private final Connection connection;
    private final AutoCloseable server;

    /** @param server stops the server the connection goes to (after the connection closes) */
    JdbcSltConnection(Connection connection, AutoCloseable server) {
        this.connection = connection;
        this.server = server;
    }

    @Override
    public Answer execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(SqlLogicTestRunner.TIMEOUT_SECONDS);
            if (!statement.execute(sql)) {
                return null;
            }
            try (ResultSet results = statement.getResultSet()) {
                int columns = results.getMetaData().getColumnCount();
                List<Object[]> rows = new ArrayList<>();
                List<String[]> texts = new ArrayList<>();
                while (results.next()) {
                    Object[] row = new Object[columns];
                    String[] text = new String[columns];
                    for (int column = 0; column < columns; column++) {
                        row[column] = results.getObject(column + 1);
                        text[column] = results.getString(column + 1);
                    }
                    rows.add(row);
                    texts.add(text);
                }
                return new Answer() {
                    @Override
                    public int columnCount() {
                        return columns;
                    }

                    @Override
                    public int rowCount() {
                        return rows.size();
                    }

                    @Override
                    public Object value(int row, int column) {
                        return rows.get(row)[column];
                    }

                    @Override
                    public String text(int row, int column) {
                        return texts.get(row)[column];
                    }
                };
            }
        } catch (SQLException e) {
            throw new StatementFailure(FailureCause.ofDriverError(e.getSQLState(), e.getErrorCode()), e.getMessage());
        } catch (RuntimeException e) {
            throw new StatementFailure(FailureCause.INTERNAL_ERROR, "driver: " + e);
        }
    }

    @Override
    public void close() {
        try (server; connection) {
            // connection first, then the server
        } catch (Exception e) {
            // the server is going away either way
        }
    }
}
