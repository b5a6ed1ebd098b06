package io.weftdb.compat.corpus;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;

/**
 * Real PostgreSQL and MariaDB servers (started on side ports by {@code compat-corpus/differential.sh}):
 * the differential run sends them the corpus to check that its expected answers are what the real
 * databases give. Each file gets the database the corpus assumes, dropped and created afresh:
 * {@code postgres} on PostgreSQL (recreated from {@code template1}), {@code public} on MariaDB.
 */
public final class ReferenceServers implements ConnectionSource {
    private final Optional<String> postgres;
    private final Optional<String> mariadb;

    /**
     * @param postgres host:port of a PostgreSQL whose {@code postgres} user may drop and create databases
     * @param mariadb host:port of a MariaDB whose {@code root} user needs no password
     */
    public ReferenceServers(Optional<String> postgres, Optional<String> mariadb) {
        this.postgres = postgres;
        this.mariadb = mariadb;
    }

    /** Whether a reference server of the target's kind was given (HTTP targets have none). */
    public boolean serves(Target target) {
        return switch (target.family()) {
            case "pg" -> postgres.isPresent();
            case "mysql" -> mariadb.isPresent();
            default -> false;
        };
    }

    @Override
    public CorpusConnection open(Target target, CorpusFile file) throws Exception {
        return switch (target.family()) {
            case "pg" -> {
                String base = "jdbc:postgresql://" + postgres.orElseThrow() + "/";
                try (Connection admin = DriverManager.getConnection(base + "template1?sslmode=disable&user=postgres");
                     Statement statement = admin.createStatement()) {
                    statement.execute("DROP DATABASE IF EXISTS postgres WITH (FORCE)");
                    statement.execute("CREATE DATABASE postgres");
                }
                yield new JdbcCorpusConnection(DriverManager.getConnection(base + "postgres?sslmode=disable&user=postgres"
                        + "&socketTimeout=60&" + target.options()));
            }
            case "mysql" -> {
                String base = "jdbc:mysql://" + mariadb.orElseThrow() + "/";
                String options = "sslMode=DISABLED&user=root&allowPublicKeyRetrieval=true&socketTimeout=60000";
                try (Connection admin = DriverManager.getConnection(base + "?" + options);
                     Statement statement = admin.createStatement()) {
                    statement.execute("DROP DATABASE IF EXISTS `public`");
                    statement.execute("CREATE DATABASE `public`");
                }
                yield new JdbcCorpusConnection(DriverManager.getConnection(base + "public?" + options + "&" + target.options()));
            }
            default -> throw new IllegalArgumentException("no reference server for " + target);
        };
    }

    /** The server's own version string, for the report. */
    public String version(Target target) {
        try (CorpusConnection connection = open(target, null)) {
            Outcome outcome = connection.run("SELECT version()");
            return outcome instanceof Outcome.Rows rows && !rows.rows().isEmpty() ? rows.rows().get(0).get(0) : outcome.toString();
        } catch (Exception e) {
            return "unreachable: " + e.getMessage();
        }
    }
}
