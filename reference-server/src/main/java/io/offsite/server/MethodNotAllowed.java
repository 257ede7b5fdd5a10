package io.offsite.server;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The last route under the API: a request whose path is a route's but whose method is not answers 405 with an
 * {@code Allow} header naming the methods there are (RFC 9110 §15.5.6), as a problem body; any other request goes on
 * to the server's 404. The routes are those the services declare ({@link RouteRecorder}).
 */
final class MethodNotAllowed implements Handler {
    /** One declared route: its method and its path as a pattern ({@code {id}} matches one segment). */
    private record Route(String method, Pattern path) {
    }

    private final List<Route> routes = new ArrayList<>();

    /** Over {@code declared}: {@code "METHOD /api/v1/path"} each. */
    MethodNotAllowed(Set<String> declared) {
        for (String r : declared) {
            String[] mp = r.split(" ", 2);
            String regex = Pattern.quote(mp[1]).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
            routes.add(new Route(mp[0], Pattern.compile(regex)));
        }
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        String path = req.path().path();
        Set<String> allowed = new TreeSet<>();
        for (Route r : routes) {
            if (r.path().matcher(path).matches()) {
                allowed.add(r.method());
            }
        }
        if (allowed.isEmpty()) {
            res.next();
            return;
        }
        res.header(HeaderNames.ALLOW, String.join(", ", allowed));
        throw new ApiException(405, "https://offsite.io/problems/method-not-allowed", req.prologue().method().text()
                + " is not a method of " + path + "; it takes " + String.join(", ", allowed), List.of());
    }
}
