package io.weftdb.server;

import io.weftdb.engine.Engine;

/** Builds one protocol's listener on the engine; a protocol module provides it once its listener exists. */
@FunctionalInterface
interface ListenerFactory {
    Listener create(int port, Engine engine);
}
