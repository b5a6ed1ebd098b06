package io.weftdb.http;

import io.undertow.server.HttpServerExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Matches a request's method and path against path templates such as
 * {@code /v1/sessions/{id}}; a placeholder matches one non-empty segment.
 */
final class Router {
    /** What a route does with the request and the segments its placeholders matched. */
    @FunctionalInterface
    interface Action {
        void handle(HttpServerExchange exchange, List<String> parameters) throws Exception;
    }

    /** @param open whether the route is served without authentication */
    record Route(String method, String template, boolean open, Action action) {
        String[] segments() {
            return split(template);
        }
    }

    /** A matched route with its placeholder values. */
    record Match(Route route, List<String> parameters) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String template, Action action) {
        routes.add(new Route(method, template, false, action));
        return this;
    }

    /** A route served without the bearer token (health checks from load balancers). */
    Router addOpen(String method, String template, Action action) {
        routes.add(new Route(method, template, true, action));
        return this;
    }

    /** Every route as "METHOD /template", in the order added (for the API description's test). */
    List<String> describe() {
        return routes.stream().map(route -> route.method() + " " + route.template()).toList();
    }

    /** The route for the request; 404 for an unknown path, 405 for a known path with another method. */
    Match match(String method, String path) {
        String[] segments = split(path);
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            List<String> parameters = parameters(route.segments(), segments);
            if (parameters == null) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Match(route, parameters);
            }
            allowed.add(route.method());
        }
        if (allowed.isEmpty()) {
            throw ApiError.notFound("42704", "no endpoint " + path + "; see docs/http-api.md");
        }
        throw new ApiError(405, "08P01", "method " + method + " is not allowed on " + path + "; allowed: "
                + String.join(", ", allowed));
    }

    private static List<String> parameters(String[] template, String[] path) {
        if (template.length != path.length) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < template.length; i++) {
            if (template[i].startsWith("{")) {
                if (path[i].isEmpty()) {
                    return null;
                }
                values.add(path[i]);
            } else if (!template[i].equals(path[i])) {
                return null;
            }
        }
        return values;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.split("/", -1);
    }
}
