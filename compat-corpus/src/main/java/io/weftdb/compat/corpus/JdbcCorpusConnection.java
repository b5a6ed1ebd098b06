package io.weftdb.compat.corpus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A corpus session over a JDBC driver. Every statement goes through a PreparedStatement, so the
 * driver's mode decides the protocol: simple or extended query for pgjdbc, client-side or
 * server-prepared for Connector/J. Values are read with getString, the text the driver gives.
 */
final class JdbcCorpusConnection implements CorpusConnection {
    private final Connection connection;

    JdbcCorpusConnection(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Outcome run(String sql) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (!statement.execute()) {
                return new Outcome.Done();
            }
            try (ResultSet results = statement.getResultSet()) {
                int columns = results.getMetaData().getColumnCount();
                List<List<String>> rows = new ArrayList<>();
                while (results.next()) {
                    List<String> row = new ArrayList<>(columns);
                    for (int column = 1; column <= columns; column++) {
                        row.add(results.getString(column));
                    }
                    rows.add(row);
                }
                return new Outcome.Rows(rows);
            }
        } catch (SQLException e) {
            return new Outcome.Failed(e.getSQLState(), e.getErrorCode(), firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            // A driver that cannot read what the server sent (an unknown type, a bad binary value).
            return new Outcome.Failed(null, 0, "driver error: " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // the connection is gone either way
        }
    }
}
