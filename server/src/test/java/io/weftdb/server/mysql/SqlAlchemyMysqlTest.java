package io.weftdb.server.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLAlchemy's MySQL dialect over PyMySQL (Debian's python3-sqlalchemy and python3-pymysql)
 * against {@code weftdb serve}: the ORM creates its tables, inserts and queries with bound
 * parameters, updates in a transaction and rolls one back, reflects the schema with
 * {@code inspect()}, reports a duplicate key as IntegrityError 1062, and disconnects. Skipped with
 * a message when /usr/bin/python3 cannot import them.
 */
class SqlAlchemyMysqlTest {
    private static final String TOKEN = "sa-token";
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    static Path directory;
    private static WeftdbServe server;

    @BeforeAll
    static void startServer() throws Exception {
        assumeTrue(ClientProgram.find(PYTHON).isPresent()
                        && ClientProgram.run(List.of(PYTHON, "-c", "import sqlalchemy, pymysql"), directory, null).exitCode() == 0,
                "/usr/bin/python3 cannot import sqlalchemy and pymysql (apt-get install python3-sqlalchemy python3-pymysql):"
                        + " skipping the SQLAlchemy MySQL tests");
        server = WeftdbServe.start(directory.resolve("data"), TOKEN);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theOrmRoundTripsInTransactionsAndInspectReflectsTheSchema(@TempDir Path work) throws Exception {
        Path script = work.resolve("orm.py");
        Files.writeString(script, """
                import sys
                import sqlalchemy as sa
                from sqlalchemy import orm

                engine = sa.create_engine("mysql+pymysql://app:%s@127.0.0.1:%s/public?charset=utf8mb4")

                Base = orm.declarative_base()

                class Author(Base):
                    __tablename__ = "authors"
                    id = sa.Column(sa.Integer, primary_key=True, autoincrement=True)
                    name = sa.Column(sa.String(50), nullable=False, unique=True)

                class Book(Base):
                    __tablename__ = "books"
                    id = sa.Column(sa.Integer, primary_key=True, autoincrement=True)
                    author_id = sa.Column(sa.Integer, sa.ForeignKey("authors.id"), nullable=False, index=True)
                    title = sa.Column(sa.String(100), nullable=False)
                    price = sa.Column(sa.Numeric(8, 2))
                    author = orm.relationship(Author)

                Base.metadata.create_all(engine)
                with orm.Session(engine) as session:
                    ada = Author(name="Ada")
                    session.add_all([ada, Book(author=ada, title="Notes", price=12.5), Book(author=ada, title="Sketches")])
                    session.commit()
                    print("ids", ada.id, sorted(book.id for book in session.scalars(sa.select(Book))))
                with orm.Session(engine) as session:
                    book = session.scalars(sa.select(Book).where(Book.title == sa.bindparam("t")), {"t": "Notes"}).one()
                    book.price = 15
                    session.commit()
                    session.execute(sa.update(Book).values(title="Gone"))
                    session.rollback()
                    print("books", [(b.title, str(b.price), b.author.name)
                                    for b in session.scalars(sa.select(Book).order_by(Book.id))])
                with orm.Session(engine) as session:
                    session.add(Author(name="Ada"))
                    try:
                        session.commit()
                    except sa.exc.IntegrityError as error:
                        session.rollback()
                        print("duplicate", error.orig.args[0])
                inspector = sa.inspect(engine)
                print("tables", sorted(inspector.get_table_names()))
                print("columns", [(c["name"], str(c["type"]), c["nullable"]) for c in inspector.get_columns("books")])
                print("pk", inspector.get_pk_constraint("books")["constrained_columns"])
                print("fk", [(f["constrained_columns"], f["referred_table"], f["referred_columns"])
                             for f in inspector.get_foreign_keys("books")])
                print("unique", [(u["column_names"]) for u in inspector.get_unique_constraints("authors")])
                engine.dispose()
                print("done")
                """.formatted(TOKEN, server.mysqlPort()), StandardCharsets.UTF_8);

        ClientProgram.Run run = ClientProgram.run(List.of(PYTHON, script.toString()), work, null);

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.output().lines()).containsExactly(
                "ids 1 [1, 2]",
                "books [('Notes', '15.00', 'Ada'), ('Sketches', 'None', 'Ada')]",
                "duplicate 1062",
                "tables ['authors', 'books']",
                "columns [('id', 'INTEGER', False), ('author_id', 'INTEGER', False), ('title', 'VARCHAR(100)', False), "
                        + "('price', 'DECIMAL(8, 2)', True)]",
                "pk ['id']",
                "fk [(['author_id'], 'authors', ['id'])]",
                "unique [['name']]",
                "done");
    }
}
