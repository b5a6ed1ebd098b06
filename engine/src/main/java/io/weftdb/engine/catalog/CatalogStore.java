package io.weftdb.engine.catalog;

import io.weftdb.engine.storage.KeyCursor;
import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.storage.ReadView;
import io.weftdb.engine.storage.Storage;
import java.util.ArrayList;
import java.util.List;

/**
 * How catalog objects sit in the CATALOG keyspace: key = 8-byte big-endian object id, value =
 * {@link RecordCodec} bytes. The whole catalog is loaded into memory at start-up.
 */
public final class CatalogStore {
    private CatalogStore() {
    }

    public static byte[] key(long id) {
        byte[] key = new byte[8];
        for (int i = 7; i >= 0; i--) {
            key[i] = (byte) id;
            id >>>= 8;
        }
        return key;
    }

    public static byte[] encode(CatalogObject object) {
        return RecordCodec.encode(object);
    }

    public static Catalog load(Storage storage) {
        List<CatalogObject> objects = new ArrayList<>();
        try (ReadView view = storage.snapshot(); KeyCursor cursor = view.scan(Keyspace.CATALOG, null, null)) {
            while (cursor.next()) {
                objects.add((CatalogObject) RecordCodec.decode(cursor.value()));
            }
        }
        return Catalog.of(objects);
    }
}
