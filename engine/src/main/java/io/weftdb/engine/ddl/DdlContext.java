package io.weftdb.engine.ddl;

import io.weftdb.engine.Notice;
import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.plan.NameContext;
import io.weftdb.engine.plan.QueryPlanner;
import java.util.function.Consumer;

/**
 * What a DDL statement works with: the statement's environment, name resolution over the
 * transaction's working catalog, a planner (for CREATE TABLE AS and views), a notice sink, and
 * whether index names belong to their table (the session's weftdb.index_names, MySQL's rule).
 */
public record DdlContext(ExecutionEnvironment environment, NameContext names, QueryPlanner planner,
                         Consumer<Notice> notices, boolean indexNamesPerTable) {
    public void notice(String message) {
        notices.accept(Notice.notice(message));
    }

    /** Name resolution over the working catalog as it is now (it changes as the statement runs). */
    public NameContext currentNames() {
        return names.withCatalog(environment.catalog());
    }
}
