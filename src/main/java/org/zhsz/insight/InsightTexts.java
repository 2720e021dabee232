package org.zhsz.insight;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.zhsz.platform.Messages;

/** The insight texts from the message bundles (zh-CN default, en): reason labels, levels, dimensions. */
@Component
class InsightTexts {

    private final Messages messages;

    InsightTexts(Messages messages) {
        this.messages = messages;
    }

    /** The caller's language: English if they ask for it first, Chinese otherwise. */
    static Locale locale(ServerWebExchange exchange) {
        try {
            List<Locale.LanguageRange> ranges = exchange.getRequest().getHeaders().getAcceptLanguage();
            Locale best = ranges.isEmpty() ? null
                    : Locale.lookup(ranges, List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
            return best == null ? Locale.SIMPLIFIED_CHINESE : best;
        } catch (IllegalArgumentException e) {
            return Locale.SIMPLIFIED_CHINESE;
        }
    }

    String level(Locale locale, String level) {
        return messages.text(locale, "insight.level." + level);
    }

    String portraitLevel(Locale locale, String level) {
        return messages.text(locale, "insight.portrait.level." + level);
    }

    String indicator(Locale locale, String code) {
        return messages.text(locale, "insight.indicator." + code);
    }

    String dimension(Locale locale, String dimension) {
        return messages.text(locale, "insight.dimension." + dimension);
    }

    /** {@code insight.figure.<code>}: a portrait figure's label (the dossier's portrait page). */
    String figure(Locale locale, String code, Object... args) {
        return messages.text(locale, "insight.figure." + code, args);
    }

    /** {@code insight.reason.<code>}; a dimension argument is shown by its name. */
    String reason(Locale locale, WarningRules.Reason r) {
        Object[] args = r.args().toArray();
        if (r.code().equals("no_record_in_dimension") && args.length > 0) {
            args[0] = dimension(locale, String.valueOf(args[0]));
        }
        return messages.text(locale, "insight.reason." + r.code(), args);
    }
}
