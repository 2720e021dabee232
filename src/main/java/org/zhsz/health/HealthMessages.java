package org.zhsz.health;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The health module's texts from the message bundles (zh-CN default, en): per-row import reasons and the in-app
 * notifications. Codes stay beside the text so clients can translate themselves.
 */
@Component
class HealthMessages {

    private final MessageSource messages;

    HealthMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** The caller's language: English if they ask for it first, Chinese otherwise. */
    static Locale locale(ServerWebExchange exchange) {
        if (exchange == null) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        try {
            List<Locale.LanguageRange> ranges = exchange.getRequest().getHeaders().getAcceptLanguage();
            Locale best = ranges.isEmpty() ? null
                    : Locale.lookup(ranges, List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
            return best == null ? Locale.SIMPLIFIED_CHINESE : best;
        } catch (IllegalArgumentException e) {
            return Locale.SIMPLIFIED_CHINESE;
        }
    }

    String text(String key, Locale locale, Object... args) {
        try {
            return messages.getMessage(key, args, locale);
        } catch (NoSuchMessageException e) {
            return key;
        }
    }

    /** A field error's text as problems show it ({@code field.<code>}, the column or field as argument). */
    String field(String code, String field, Locale locale) {
        return text("field." + code, locale, field);
    }

    String zh(String key, Object... args) {
        return text(key, Locale.SIMPLIFIED_CHINESE, args);
    }
}
