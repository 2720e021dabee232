package org.zhsz.platform.web;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Errors outside controllers (unknown path, security filters, codecs) also become problem JSON. */
@Component
@Order(-2)
class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    /** A dependency that is down (503): when to try again. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final ProblemMapper mapper;
    private final JsonMapper json;

    ProblemErrorWebExceptionHandler(ProblemMapper mapper, JsonMapper json) {
        this.mapper = mapper;
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(ex);
        }
        if (ex instanceof org.zhsz.platform.ApiException) {
            exchange.getAttributes().put(org.zhsz.platform.ApiException.EXCHANGE_ATTRIBUTE, ex);
        }
        ProblemDetail problem = mapper.toProblem(ex, exchange);
        return write(response, problem, json);
    }

    static Mono<Void> write(ServerHttpResponse response, ProblemDetail problem, JsonMapper json) {
        response.setRawStatusCode(problem.getStatus());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        if (problem.getStatus() == 503) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        byte[] bytes = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
