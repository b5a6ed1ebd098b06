# SQLAlchemy's ORM against WeftDB, the same over both wires: create_all, inserts and a query with
# bound parameters, a commit and a rollback, a duplicate key reported as IntegrityError, dispose.
# Usage: sqlalchemy_orm.py <database URL> [inspect]   ("inspect" also prints what inspect() reflects)
import sys
import sqlalchemy as sa
from sqlalchemy import orm

engine = sa.create_engine(sys.argv[1])
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
    print("books", [(b.title, str(b.price), b.author.name) for b in session.scalars(sa.select(Book).order_by(Book.id))])
with orm.Session(engine) as session:
    session.add(Author(name="Ada"))
    try:
        session.commit()
    except sa.exc.IntegrityError as error:
        session.rollback()
        # psycopg2 names the SQLSTATE, PyMySQL gives MySQL's error number first.
        print("duplicate", getattr(error.orig, "pgcode", None) or error.orig.args[0])
if "inspect" in sys.argv[2:]:
    inspector = sa.inspect(engine)
    print("tables", sorted(inspector.get_table_names()))
    print("columns", [(c["name"], str(c["type"]), c["nullable"]) for c in inspector.get_columns("books")])
    print("pk", inspector.get_pk_constraint("books")["constrained_columns"])
    print("fk", [(f["constrained_columns"], f["referred_table"], f["referred_columns"])
                 for f in inspector.get_foreign_keys("books")])
    print("unique", [u["column_names"] for u in inspector.get_unique_constraints("authors")])
engine.dispose()
print("done")
