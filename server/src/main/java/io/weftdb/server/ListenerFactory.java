package io.weftdb.server;

/** Builds one protocol's listener; a protocol module provides it once its listener exists. */
@FunctionalInterface
interface ListenerFactory {
    Listener create(ListenerContext context);
}
