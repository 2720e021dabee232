package org.zhsz.platform.web;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/** Every controller error leaves as application/problem+json. */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice {

    private final ProblemMapper mapper;

    ProblemAdvice(ProblemMapper mapper) {
        this.mapper = mapper;
    }

    @ExceptionHandler(Throwable.class)
    ResponseEntity<ProblemDetail> handle(Throwable error, ServerWebExchange exchange) {
        if (error instanceof org.zhsz.platform.ApiException) {
            exchange.getAttributes().put(org.zhsz.platform.ApiException.EXCHANGE_ATTRIBUTE, error);
        }
        ProblemDetail problem = mapper.toProblem(error, exchange);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus());
        if (problem.getStatus() == 503) {
            answer.header(org.springframework.http.HttpHeaders.RETRY_AFTER,
                    ProblemErrorWebExceptionHandler.RETRY_AFTER_SECONDS);
        }
        return answer.body(problem);
    }
}
