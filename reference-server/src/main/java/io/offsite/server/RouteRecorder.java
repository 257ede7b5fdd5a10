package io.offsite.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The routes the server's services declare, read by letting each service route into a recording {@link HttpRules}. */
final class RouteRecorder {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch", "head", "options");

    private RouteRecorder() {
    }

    /** {@code "METHOD /api/v1/path"} for every route. */
    static Set<String> routes(List<HttpService> services) {
        Set<String> routes = new TreeSet<>();
        HttpRules[] self = new HttpRules[1];
        self[0] = (HttpRules) Proxy.newProxyInstance(HttpRules.class.getClassLoader(), new Class<?>[] {HttpRules.class},
                (proxy, method, args) -> {
                    if (METHODS.contains(method.getName()) && args != null && args.length > 0
                            && args[0] instanceof String path) {
                        routes.add(method.getName().toUpperCase(Locale.ROOT) + " " + OffsiteServer.API + path);
                        return self[0];
                    }
                    if (method.getReturnType() == HttpRules.class) {
                        throw new IllegalStateException("route recorder does not understand " + method);
                    }
                    return null;
                });
        for (HttpService s : services) {
            s.routing(self[0]);
        }
        return routes;
    }
}
