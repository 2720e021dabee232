package org.zhsz.platform.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import org.zhsz.platform.Actor;
import org.zhsz.platform.ApiException;

import reactor.core.publisher.Mono;

/** Lets a controller method take an {@link Actor} parameter. The actor is cached on the exchange. */
@Component
public class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    private static final String ATTR = Actor.EXCHANGE_ATTRIBUTE;

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Actor.class.equals(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
                                        ServerWebExchange exchange) {
        Actor cached = exchange.getAttribute(ATTR);
        if (cached != null) {
            return Mono.just(cached);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .switchIfEmpty(Mono.error(() -> new ApiException(org.springframework.http.HttpStatus.UNAUTHORIZED,
                        "unauthorized", "A valid access token is required", java.util.List.of(),
                        java.util.Map.of())))
                .map(auth -> {
                    Actor actor = ActorResolver.fromJwt(auth.getToken());
                    exchange.getAttributes().put(ATTR, actor);
                    return (Object) actor;
                });
    }
}
