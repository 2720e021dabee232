package org.zhsz.access;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.platform.Actor;
import org.zhsz.platform.ApiException;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The safety net behind "every denial is audited": an API request answered 403 whose refusal the access policy
 * did not record (a workflow rule such as "only the author deletes a draft") is recorded here — who, role, the
 * request, the problem's code and reason — before the response leaves, so a 403 the client sees is always in
 * the trail.
 */
@Component
class DenialAuditFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(DenialAuditFilter.class);

    private final AuditTrail audit;

    DenialAuditFilter(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        Denials.Marker marker = new Denials.Marker();
        exchange.getResponse().beforeCommit(() -> Mono.defer(() -> {
            if (!HttpStatus.FORBIDDEN.equals(exchange.getResponse().getStatusCode()) || marker.recorded()) {
                return Mono.empty();
            }
            Actor actor = exchange.getAttribute(Actor.EXCHANGE_ATTRIBUTE);
            if (actor == null) {
                return Mono.empty(); // refused before anyone was identified (a token without a usable role)
            }
            return audit.record(denial(exchange, actor))
                    .onErrorResume(e -> {
                        log.error("Could not record the denial of {} {}", exchange.getRequest().getMethod(),
                                exchange.getRequest().getPath(), e);
                        return Mono.empty();
                    });
        }));
        return chain.filter(exchange).contextWrite(Context.of(Denials.Marker.class, marker));
    }

    private static AuditEvent denial(ServerWebExchange exchange, Actor actor) {
        String reason = "forbidden";
        if (exchange.getAttribute(ApiException.EXCHANGE_ATTRIBUTE) instanceof ApiException api) {
            Object detail = api.properties().get("reason");
            reason = detail != null ? String.valueOf(detail) : api.code();
        }
        String studentId = null;
        Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        Map<String, String> vars = exchange.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (pattern instanceof PathPattern p && p.getPatternString().startsWith("/api/v1/students/{id}")
                && vars != null) {
            studentId = vars.get("id");
        }
        String what = exchange.getRequest().getMethod().name() + " " + exchange.getRequest().getPath().value();
        return new AuditEvent(actor, "request.denied", "request", what, studentId, null, AuditEvent.Outcome.DENIED,
                reason, null);
    }
}
