package io.weftdb.server.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate ORM (JPA entities) against {@code weftdb serve} on both wires: it creates the schema
 * (hbm2ddl create), persists and queries an association with HQL, updates and deletes in
 * transactions, then a second session factory validates the schema it finds (hbm2ddl validate),
 * reading it back through JDBC metadata. Hibernate picks its dialect from the server's answers.
 */
class HibernateRoundTripTest {
    @TempDir
    static Path directory;
    private static WeftdbServe server;

    @BeforeAll
    static void startServer() throws Exception {
        Logger.getLogger("org.hibernate").setLevel(Level.WARNING);
        server = WeftdbServe.start(directory.resolve("data"), null);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void entitiesRoundTripAndTheSchemaValidatesOverPostgresqlWire() {
        roundTrip("jdbc:postgresql://127.0.0.1:" + server.pgPort() + "/postgres?sslmode=disable", "weftdb");
    }

    @Test
    void entitiesRoundTripAndTheSchemaValidatesOverMysqlWire() {
        roundTrip("jdbc:mysql://127.0.0.1:" + server.mysqlPort() + "/public?sslMode=DISABLED&allowPublicKeyRetrieval=true",
                "root");
    }

    private static void roundTrip(String url, String user) {
        try (SessionFactory factory = factory(url, user, "create")) {
            long customerId = factory.fromTransaction(session -> {
                Customer customer = new Customer("Ada", new BigDecimal("12.50"), LocalDate.of(2024, 5, 17));
                session.persist(customer);
                session.persist(new Purchase(customer, "lamp", 2));
                session.persist(new Purchase(customer, "desk", 1));
                session.persist(new Customer("Grace", BigDecimal.ZERO, LocalDate.of(2023, 1, 2)));
                return customer.id;
            });

            List<String> bought = factory.fromSession(session -> session.createSelectionQuery(
                    "select p.item from Purchase p join p.customer c where c.name = :name order by p.item", String.class)
                    .setParameter("name", "Ada").getResultList());
            assertThat(bought).containsExactly("desk", "lamp");

            factory.inTransaction(session -> {
                Customer ada = session.find(Customer.class, customerId);
                ada.balance = ada.balance.add(new BigDecimal("0.25"));
            });
            Customer reread = factory.fromSession(session -> session.createSelectionQuery(
                    "from Customer c left join fetch c.purchases where c.id = :id", Customer.class)
                    .setParameter("id", customerId).getSingleResult());
            assertThat(reread.balance).isEqualByComparingTo("12.75");
            assertThat(reread.since).isEqualTo(LocalDate.of(2024, 5, 17));
            assertThat(reread.purchases).extracting(p -> p.item).containsExactlyInAnyOrder("lamp", "desk");

            Long total = factory.fromSession(session -> session.createSelectionQuery(
                    "select sum(p.quantity) from Purchase p", Long.class).getSingleResult());
            assertThat(total).isEqualTo(3L);

            factory.inTransaction(session -> session.createMutationQuery("delete from Purchase p where p.quantity = 1")
                    .executeUpdate());
            Long left = factory.fromSession(session -> session.createSelectionQuery("select count(p) from Purchase p",
                    Long.class).getSingleResult());
            assertThat(left).isEqualTo(1L);
        }
        try (SessionFactory validating = factory(url, user, "validate")) {
            Long customers = validating.fromSession(session -> session.createSelectionQuery("select count(c) from Customer c",
                    Long.class).getSingleResult());
            assertThat(customers).isEqualTo(2L);
        }
    }

    private static SessionFactory factory(String url, String user, String schemaAction) {
        return new Configuration()
                .addAnnotatedClass(Customer.class)
                .addAnnotatedClass(Purchase.class)
                .setProperty("jakarta.persistence.jdbc.url", url)
                .setProperty("jakarta.persistence.jdbc.user", user)
                .setProperty("jakarta.persistence.jdbc.password", "")
                .setProperty("hibernate.hbm2ddl.auto", schemaAction)
                .setProperty("hibernate.connection.pool_size", "2")
                .buildSessionFactory();
    }

    @Entity(name = "Customer")
    @Table(name = "customer")
    static class Customer {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        @Column(nullable = false, length = 40)
        String name;

        @Column(precision = 10, scale = 2)
        BigDecimal balance;

        LocalDate since;

        @OneToMany(mappedBy = "customer")
        List<Purchase> purchases = new ArrayList<>();

        Customer() {
        }

        Customer(String name, BigDecimal balance, LocalDate since) {
            this.name = name;
            this.balance = balance;
            this.since = since;
        }
    }

    @Entity(name = "Purchase")
    @Table(name = "purchase")
    static class Purchase {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        @ManyToOne(optional = false)
        Customer customer;

        String item;

        int quantity;

        Purchase() {
        }

        Purchase(Customer customer, String item, int quantity) {
            this.customer = customer;
            this.item = item;
            this.quantity = quantity;
        }
    }
}
