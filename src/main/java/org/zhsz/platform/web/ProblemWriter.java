package org.zhsz.platform.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes 401/403 problems for the security filter chain (which runs before any controller). */
@Component
public class ProblemWriter {

    private final ProblemMapper mapper;
    private final JsonMapper json;

    ProblemWriter(ProblemMapper mapper, JsonMapper json) {
        this.mapper = mapper;
        this.json = json;
    }

    public Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException error) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"zhsz\"");
        ProblemDetail problem = mapper.toProblem(error, exchange);
        return ProblemErrorWebExceptionHandler.write(exchange.getResponse(), problem, json);
    }

    public Mono<Void> accessDenied(ServerWebExchange exchange, AccessDeniedException error) {
        ProblemDetail problem = mapper.toProblem(error, exchange);
        return ProblemErrorWebExceptionHandler.write(exchange.getResponse(), problem, json);
    }
}
