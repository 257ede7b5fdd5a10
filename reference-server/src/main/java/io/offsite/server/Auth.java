package io.offsite.server;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Bearer-token authentication for {@code /api/v1}: a missing or unknown token is a 401 problem before any handler
 * runs; the caller's role is put in the request context for handlers, which name the roles they admit
 * ({@link #require}) — a wrong role is a 403 problem. Tokens are never logged.
 */
final class Auth implements Filter {
    private static final String ROLE = "offsite.role";
    private final Tokens tokens;
    private final ProblemWriter problems;

    Auth(Tokens tokens, ProblemWriter problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (!req.path().absolute().path().startsWith("/api/")) {
            chain.proceed();
            return;
        }
        Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            problems.write(req, res, new ApiException(401, "https://offsite.io/problems/unauthenticated",
                    "an Authorization: Bearer <token> header is required", List.of()));
            return;
        }
        Optional<Role> role = tokens.roleOf(header.get().substring(7).trim());
        if (role.isEmpty()) {
            problems.write(req, res, new ApiException(401, "https://offsite.io/problems/unauthenticated",
                    "the bearer token is not known to this server", List.of()));
            return;
        }
        req.context().register(ROLE, role.get());
        chain.proceed();
    }

    /** The caller's role, if it is one of {@code admitted}; otherwise a 403 naming who may call. */
    static Role require(ServerRequest req, Role... admitted) {
        Role r = req.context().get(ROLE, Role.class)
                .orElseThrow(() -> new ApiException(401, "https://offsite.io/problems/unauthenticated",
                        "no authenticated caller", List.of()));
        if (Arrays.asList(admitted).contains(r)) {
            return r;
        }
        throw ApiException.forbidden("role " + r.label() + " may not call " + req.prologue().method().text() + " "
                + req.path().absolute().path() + " (allowed: " + Arrays.stream(admitted).map(Role::label).toList() + ")");
    }
}
