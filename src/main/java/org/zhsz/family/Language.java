package org.zhsz.family;

import java.util.List;
import java.util.Locale;

import org.springframework.web.server.ServerWebExchange;

/** The caller's language for documents this module writes (exports): English if asked for first, else Chinese. */
final class Language {

    private Language() {
    }

    static Locale of(ServerWebExchange exchange) {
        try {
            List<Locale.LanguageRange> ranges = exchange.getRequest().getHeaders().getAcceptLanguage();
            Locale best = ranges.isEmpty() ? null : Locale.lookup(ranges, List.of(Locale.SIMPLIFIED_CHINESE,
                    Locale.ENGLISH));
            return best == null ? Locale.SIMPLIFIED_CHINESE : best;
        } catch (IllegalArgumentException e) {
            return Locale.SIMPLIFIED_CHINESE;
        }
    }
}
