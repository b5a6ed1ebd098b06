package io.weftdb.server.sql;

import io.weftdb.engine.Engine;
import io.weftdb.engine.EngineOptions;
import io.weftdb.engine.Session;
import io.weftdb.engine.SessionOptions;
import io.weftdb.pg.sql.PostgresSqlParser;
import io.weftdb.storage.rocksdb.RocksStorage;
import io.weftdb.storage.rocksdb.RocksStorageOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * Child process of {@link CrashRecoveryTest}: commits batches of ten rows forever and prints
 * "committed N" after each COMMIT returns, until it is killed.
 */
public final class CrashLoadProcess {
    private CrashLoadProcess() {
    }

    public static void main(String[] args) {
        PostgresSqlParser parser = new PostgresSqlParser();
        RocksStorage storage = RocksStorage.open(Path.of(args[0]), RocksStorageOptions.defaults());
        Engine engine = Engine.open(storage, EngineOptions.defaults());
        Session session = engine.openSession(SessionOptions.defaults());
        session.execute(parser.parseOne("CREATE TABLE IF NOT EXISTS load (batch integer, item integer, "
                + "payload text, PRIMARY KEY (batch, item))"), List.of());
        var insert = parser.parseOne("INSERT INTO load VALUES ($1, $2, '" + "x".repeat(200) + "')");
        System.out.println("ready");
        System.out.flush();
        for (int batch = 1; ; batch++) {
            session.execute(parser.parseOne("BEGIN"), List.of());
            for (int item = 0; item < 10; item++) {
                session.execute(insert, List.of((long) batch, (long) item));
            }
            session.execute(parser.parseOne("COMMIT"), List.of());
            System.out.println("committed " + batch);
            System.out.flush();
        }
    }
}
