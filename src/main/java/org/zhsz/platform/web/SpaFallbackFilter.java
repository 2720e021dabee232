package org.zhsz.platform.web;

import java.time.Duration;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * History-mode routing for the web app: a browser that opens or reloads a deep link such as {@code /classes/abc}
 * gets {@code /index.html}, and the app's router shows the page. Only page navigations are rewritten: GET/HEAD
 * that explicitly accept text/html, outside the API, actuator and API-doc paths, whose last segment has no file
 * extension. Everything else (API calls, assets, typos in asset names) keeps its normal answer, e.g. a 404
 * problem. Also sets cache headers: the entry page is revalidated on every load so a new release shows up at
 * once, while the content-hashed files under /assets/ are cached for a year.
 */
@Component
class SpaFallbackFilter implements WebFilter, Ordered {

    static final String INDEX = "/index.html";
    static final List<String> SERVER_PATHS = List.of("/api", "/actuator", "/v3/api-docs", "/swagger-ui", "/webjars");

    private static final String ASSETS = "/assets/";
    private final boolean appPresent;

    SpaFallbackFilter() {
        this(new ClassPathResource("static/index.html").exists());
    }

    /** {@code appPresent} false (a build with -Dskip.frontend) leaves every request alone. */
    SpaFallbackFilter(boolean appPresent) {
        this.appPresent = appPresent;
    }

    @Override
    public int getOrder() {
        // before the security filter chain (-100), so it sees the static path it will serve
        return -200;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!appPresent) {
            return chain.filter(exchange);
        }
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (isPageNavigation(request, path)) {
            exchange.getResponse().getHeaders().setCacheControl(CacheControl.noCache());
            ServerHttpRequest index = request.mutate().path(request.getPath().contextPath().value() + INDEX).build();
            return chain.filter(exchange.mutate().request(index).build());
        }
        if (path.equals(INDEX)) { // /config.js sets its own (RuntimeConfigController)
            exchange.getResponse().getHeaders().setCacheControl(CacheControl.noCache());
        } else if (path.startsWith(ASSETS)) {
            exchange.getResponse().getHeaders()
                    .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        }
        return chain.filter(exchange);
    }


    static boolean isPageNavigation(ServerHttpRequest request, String path) {
        HttpMethod method = request.getMethod();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            return false;
        }
        if (isServerPath(path) || hasExtension(path)) {
            return false;
        }
        return acceptsHtml(request.getHeaders());
    }

    static boolean isServerPath(String path) {
        for (String p : SERVER_PATHS) {
            if (path.equals(p) || path.startsWith(p + "/") || (p.equals("/swagger-ui") && path.startsWith(p))) {
                return true;
            }
        }
        return false;
    }

    static boolean hasExtension(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.indexOf('.') >= 0;
    }

    /** Browsers name text/html when navigating; a bare *&#47;* (curl, fetch) is not a navigation. */
    static boolean acceptsHtml(HttpHeaders headers) {
        List<MediaType> accept;
        try {
            accept = headers.getAccept();
        } catch (RuntimeException e) {
            return false;
        }
        return accept.stream().anyMatch(m -> "text".equals(m.getType()) && "html".equals(m.getSubtype())
                && m.getQualityValue() > 0);
    }
}
