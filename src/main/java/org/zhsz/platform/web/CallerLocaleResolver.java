package org.zhsz.platform.web;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The request's language for controllers (a {@link Locale} argument) and everything built on the exchange's
 * locale context, decided exactly as problems are: English when asked for first, Chinese (zh-CN) otherwise.
 * Registered under the bean name the web handler looks for, so it replaces Boot's accept-header resolver.
 */
@Component("localeContextResolver")
class CallerLocaleResolver implements LocaleContextResolver {

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        return new SimpleLocaleContext(LocaleSupport.locale(exchange));
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
        throw new UnsupportedOperationException("the language follows the Accept-Language header");
    }
}
