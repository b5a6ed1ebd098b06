package io.weftdb.server.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * psql's describe meta-commands against {@code weftdb serve}: psql sends its catalog queries over
 * pg_catalog and the output must be what PostgreSQL 15 prints for the same schema (each expected
 * table below was checked against a PostgreSQL 15 server). Skipped when psql (Debian package
 * postgresql-client) is not installed.
 */
class PsqlDescribeTest {
    private static final String SCHEMA = """
            CREATE TABLE customer (id int PRIMARY KEY, name varchar(40) NOT NULL DEFAULT 'anonymous',
                referrer int REFERENCES customer(id));
            CREATE INDEX customer_name ON customer (name);
            CREATE VIEW named_customer AS SELECT id, name FROM customer WHERE name <> 'anonymous';
            CREATE SEQUENCE invoice_number START 1000;
            CREATE TABLE orders (id serial PRIMARY KEY, customer_id int REFERENCES customer(id),
                total numeric(10,2) CHECK (total >= 0), placed timestamptz DEFAULT now());
            """;

    @TempDir
    static Path directory;
    private static ServerProcess server;
    private static Path psql;

    @BeforeAll
    static void startServerWithSchema() throws Exception {
        Optional<Path> found = ExternalClient.find("psql");
        assumeTrue(found.isPresent(), "psql is not installed (Debian package postgresql-client): skipping the psql tests");
        psql = found.get();
        server = ServerProcess.start(directory.resolve("data"), null);
        ExternalClient.Run run = psql("-v", "ON_ERROR_STOP=1", "-c", SCHEMA);
        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static ExternalClient.Run psql(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(psql.toString(), "-X", "--no-psqlrc", "-d",
                "host=127.0.0.1 port=" + server.port() + " user=alice dbname=postgres sslmode=disable"));
        command.addAll(List.of(arguments));
        return ExternalClient.run(command, directory, Map.of("PGCONNECT_TIMEOUT", "30"));
    }

    /** Runs the meta-commands in one psql session; any error fails the test with psql's output. */
    private static String describe(String... metaCommands) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("-v", "ON_ERROR_STOP=1"));
        for (String metaCommand : metaCommands) {
            arguments.addAll(List.of("-c", metaCommand));
        }
        ExternalClient.Run run = psql(arguments.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).doesNotContain("ERROR");
        return run.output();
    }

    @Test
    void listingDatabasesShowsOwnerEncodingAndLocaleAsPostgresqlDoes() throws Exception {
        String output = describe("\\l");

        assertThat(output).contains("""
                                                         List of databases
                   Name   | Owner | Encoding | Collate |  Ctype  | ICU Locale | Locale Provider | Access privileges\s
                ----------+-------+----------+---------+---------+------------+-----------------+-------------------
                 postgres | alice | UTF8     | C.UTF-8 | C.UTF-8 |            | libc            |\s
                (1 row)
                """);
    }

    @Test
    void listingSchemasShowsPublicOwnedByTheSessionUser() throws Exception {
        String output = describe("\\dn");

        assertThat(output).contains("""
                List of schemas
                  Name  | Owner\s
                --------+-------
                 public | alice
                (1 row)
                """);
    }

    @Test
    void listingTablesViewsSequencesAndIndexesPrintsWhatPostgresqlPrints() throws Exception {
        String output = describe("\\dt", "\\dv", "\\ds", "\\di", "\\d");

        assertThat(output).contains("""
                         List of relations
                 Schema |   Name   | Type  | Owner\s
                --------+----------+-------+-------
                 public | customer | table | alice
                 public | orders   | table | alice
                (2 rows)
                """);
        assertThat(output).contains("""
                           List of relations
                 Schema |      Name      | Type | Owner\s
                --------+----------------+------+-------
                 public | named_customer | view | alice
                (1 row)
                """);
        assertThat(output).contains("""
                             List of relations
                 Schema |      Name      |   Type   | Owner\s
                --------+----------------+----------+-------
                 public | invoice_number | sequence | alice
                 public | orders_id_seq  | sequence | alice
                (2 rows)
                """);
        assertThat(output).contains("""
                                 List of relations
                 Schema |     Name      | Type  | Owner |  Table  \s
                --------+---------------+-------+-------+----------
                 public | customer_name | index | alice | customer
                 public | customer_pkey | index | alice | customer
                 public | orders_pkey   | index | alice | orders
                (3 rows)
                """);
        assertThat(output).contains("""
                             List of relations
                 Schema |      Name      |   Type   | Owner\s
                --------+----------------+----------+-------
                 public | customer       | table    | alice
                 public | invoice_number | sequence | alice
                 public | named_customer | view     | alice
                 public | orders         | table    | alice
                 public | orders_id_seq  | sequence | alice
                (5 rows)
                """);
    }

    @Test
    void describingAViewShowsItsColumnsWithTypes() throws Exception {
        String output = describe("\\d named_customer");

        assertThat(output).contains("""
                                  View "public.named_customer"
                 Column |         Type          | Collation | Nullable | Default\s
                --------+-----------------------+-----------+----------+---------
                 id     | integer               |           |          |\s
                 name   | character varying(40) |           |          |\s
                """);
    }

    @Test
    void describingSequencesShowsTheirParametersAndTheOwningColumn() throws Exception {
        String output = describe("\\d invoice_number", "\\d orders_id_seq");

        assertThat(output).contains("""
                                       Sequence "public.invoice_number"
                  Type  | Start | Minimum |       Maximum       | Increment | Cycles? | Cache\s
                --------+-------+---------+---------------------+-----------+---------+-------
                 bigint |  1000 |       1 | 9223372036854775807 |         1 | no      |     1
                """);
        assertThat(output).contains("""
                                   Sequence "public.orders_id_seq"
                  Type   | Start | Minimum |  Maximum   | Increment | Cycles? | Cache\s
                ---------+-------+---------+------------+-----------+---------+-------
                 integer |     1 |       1 | 2147483647 |         1 | no      |     1
                Owned by: public.orders.id
                """);
    }

    @Test
    void describingAnIndexShowsItsKeyColumnsAndTable() throws Exception {
        String output = describe("\\d customer_name");

        assertThat(output).contains("""
                            Index "public.customer_name"
                 Column |         Type          | Key? | Definition\s
                --------+-----------------------+------+------------
                 name   | character varying(40) | yes  | name
                btree, for table "public.customer"
                """);
    }

    @Test
    void listingFunctionsShowsNoneBecauseAllFunctionsAreBuiltIn() throws Exception {
        String output = describe("\\df");

        assertThat(output).contains("""
                                       List of functions
                 Schema | Name | Result data type | Argument data types | Type\s
                --------+------+------------------+---------------------+------
                (0 rows)
                """);
    }

    @Test
    void verboseTableListingShowsPersistenceAccessMethodAndSize() throws Exception {
        String output = describe("\\dt+");

        assertThat(output).contains("""
                                                    List of relations
                 Schema |   Name   | Type  | Owner | Persistence | Access method |  Size   | Description\s
                --------+----------+-------+-------+-------------+---------------+---------+-------------
                 public | customer | table | alice | permanent   | heap          | 0 bytes |\s
                 public | orders   | table | alice | permanent   | heap          | 0 bytes |\s
                (2 rows)
                """);
    }

    @Test
    void describingATableShowsColumnsDefaultsIndexesAndForeignKeysBothWays() throws Exception {
        String output = describe("\\d customer");

        assertThat(output).contains("""
                                                 Table "public.customer"
                  Column  |         Type          | Collation | Nullable |            Default            \s
                ----------+-----------------------+-----------+----------+--------------------------------
                 id       | integer               |           | not null |\s
                 name     | character varying(40) |           | not null | 'anonymous'::character varying
                 referrer | integer               |           |          |\s
                Indexes:
                    "customer_pkey" PRIMARY KEY, btree (id)
                    "customer_name" btree (name)
                Foreign-key constraints:
                    "customer_referrer_fkey" FOREIGN KEY (referrer) REFERENCES customer(id)
                Referenced by:
                    TABLE "customer" CONSTRAINT "customer_referrer_fkey" FOREIGN KEY (referrer) REFERENCES customer(id)
                    TABLE "orders" CONSTRAINT "orders_customer_id_fkey" FOREIGN KEY (customer_id) REFERENCES customer(id)
                """);
    }

    /** PostgreSQL prints the CHECK as it deparses it ({@code total >= 0::numeric}); WeftDB shows it as written. */
    @Test
    void verboseTableDescriptionAddsStorageChecksAndAccessMethod() throws Exception {
        String output = describe("\\d+ orders");

        assertThat(output)
                .contains(" id          | integer                  |           | not null | nextval('orders_id_seq'::regclass) "
                        + "| plain   |             |              | \n")
                .contains(" total       | numeric(10,2)            |           |          |                                    "
                        + "| main    |             |              | \n")
                .contains("""
                Indexes:
                    "orders_pkey" PRIMARY KEY, btree (id)
                Check constraints:
                    "orders_total_check" CHECK (total >= 0)
                Foreign-key constraints:
                    "orders_customer_id_fkey" FOREIGN KEY (customer_id) REFERENCES customer(id)
                Access method: heap
                """);
    }

    @Test
    void listingRolesShowsTheSessionUserAsTheSuperuser() throws Exception {
        String output = describe("\\du");

        assertThat(output).contains("""
                                             List of roles
                 Role name |                  Attributes                   | Member of\s
                -----------+-----------------------------------------------+-----------
                 alice     | Superuser, Create role, Create DB, Bypass RLS | {}
                """);
    }
}
