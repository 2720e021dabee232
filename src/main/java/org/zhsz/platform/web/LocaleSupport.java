package org.zhsz.platform.web;

import java.util.List;
import java.util.Locale;

import org.springframework.web.server.ServerWebExchange;

/** The caller's language: English if they ask for it first, Chinese (zh-CN) otherwise. */
final class LocaleSupport {

    private LocaleSupport() {
    }

    static Locale locale(ServerWebExchange exchange) {
        if (exchange == null) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = exchange.getRequest().getHeaders().getAcceptLanguage();
        } catch (IllegalArgumentException e) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        if (ranges.isEmpty()) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        Locale best = Locale.lookup(ranges, List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
        return best == null ? Locale.SIMPLIFIED_CHINESE : best;
    }
}
