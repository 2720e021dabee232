package org.zhsz.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * Every human-readable text the server sends, in the caller's language (zh-CN by default, en), from the message
 * bundles ({@code messages*.properties}) keyed by stable codes. Modules keep the code beside the text in what they
 * answer ({@code code} + {@code message}, {@code reasonCode} + {@code reason}), so clients can still decide by code.
 * Controllers receive the caller's {@link Locale} as an argument (resolved from {@code Accept-Language}).
 */
@Component
public class Messages {

    private static final Pattern INDEX = Pattern.compile("\\[\\d*]");

    private final MessageSource source;
    private final java.util.Set<String> keys;

    Messages(MessageSource source) {
        this.source = source;
        java.util.Set<String> all = new java.util.TreeSet<>();
        try {
            org.springframework.core.io.ClassPathResource base = new org.springframework.core.io.ClassPathResource(
                    "messages.properties");
            if (base.exists()) {
                org.springframework.core.io.support.PropertiesLoaderUtils.loadProperties(base).stringPropertyNames()
                        .forEach(all::add);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        this.keys = java.util.Collections.unmodifiableSet(all);
    }

    /** The codes under a prefix that the bundles name, e.g. {@code keys("action.")} → {@code fitness.read}, … */
    public List<String> keys(String prefix) {
        return keys.stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length())).toList();
    }

    /**
     * A message argument that is itself localized (a unit, a label): {@code Messages.term("unit.s")} reads
     * "秒" in Chinese and "s" in English. The part after the first dot is the fallback.
     */
    public static MessageSourceResolvable term(String key) {
        int dot = key.indexOf('.');
        return new DefaultMessageSourceResolvable(new String[]{key}, null, dot >= 0 ? key.substring(dot + 1) : key);
    }

    /** The text of {@code key}, or {@code fallback} when the bundles have none. */
    public String textOr(Locale locale, String key, String fallback, Object... args) {
        try {
            return source.getMessage(key, args, locale);
        } catch (NoSuchMessageException e) {
            return fallback;
        }
    }

    /** The text of {@code key}; the key itself when missing (the language test makes sure none is). */
    public String text(Locale locale, String key, Object... args) {
        return textOr(locale, key, key, args);
    }

    public boolean has(Locale locale, String key) {
        try {
            source.getMessage(key, null, locale);
            return true;
        } catch (NoSuchMessageException e) {
            return false;
        }
    }

    /** Problems whose first argument is a field or parameter name, shown by its label. */
    private static final java.util.Set<String> FIELD_NAMED = java.util.Set.of("unknown_field", "wrong_type",
            "missing_parameter", "invalid_parameter");

    /**
     * A problem's {@code detail} in the caller's language: {@code problem.<code>} with its arguments made readable
     * (the resource a 404 names, the field a 400 names, what a 403 refused); {@code fallback} when there is none.
     */
    public String detail(Locale locale, String code, Object[] args, String fallback) {
        Object[] a = args == null ? new Object[0] : args.clone();
        if ("not_found".equals(code) && a.length > 0 && a[0] instanceof String what) {
            a[0] = textOr(locale, "resource." + what, what);
        }
        if (FIELD_NAMED.contains(code) && a.length > 0 && a[0] instanceof String field) {
            a[0] = fieldLabel(locale, field);
        }
        if ("forbidden".equals(code)) {
            a = new Object[]{permission(locale, a.length > 0 && a[0] instanceof String r ? r : null)};
        }
        return textOr(locale, "problem." + code, fallback, a);
    }

    /** An error in one sentence for a per-item outcome: the detail, then each field's message. */
    public String describe(Locale locale, ApiException e) {
        String detail = detail(locale, e.code(), e.args(), e.getMessage());
        if (e.errors().isEmpty()) {
            return detail;
        }
        return detail + text(locale, "problem.fields.open") + String.join(text(locale, "problem.fields.joiner"),
                localize(locale, e.errors()).stream().map(FieldError::message).toList())
                + text(locale, "problem.fields.close");
    }

    /**
     * A field's name for people: {@code label.<field>} with list indexes and leading paths removed
     * ({@code answers[3]} → {@code label.answers}, {@code record.title} → {@code label.title}); the field itself
     * when the bundles do not name it.
     */
    public String fieldLabel(Locale locale, String field) {
        if (field == null || field.isBlank()) {
            return null;
        }
        String bare = INDEX.matcher(field).replaceAll("");
        int dot = bare.lastIndexOf('.');
        String last = dot >= 0 ? bare.substring(dot + 1) : bare;
        if (last.isEmpty() || "$".equals(last)) {
            return textOr(locale, "label.$", field);
        }
        String label = textOr(locale, "label." + bare, null);
        return label != null ? label : textOr(locale, "label." + last, field);
    }

    /** The field error with its message (and field label) in the caller's language. */
    public FieldError localize(Locale locale, FieldError e) {
        String label = fieldLabel(locale, e.field());
        List<Object> args = new ArrayList<>();
        args.add(label == null ? "" : label);
        args.addAll(e.args());
        String message = textOr(locale, e.key(), e.message(), args.toArray());
        return new FieldError(e.field(), e.code(), message, label, e.messageKey(), e.args());
    }

    public List<FieldError> localize(Locale locale, List<FieldError> errors) {
        return errors == null ? null : errors.stream().map(e -> localize(locale, e)).toList();
    }

    /**
     * What a refused action was, for people: {@code permission.<reason>}; for a data-class decision such as
     * {@code health_fitness.read}, the action and the data class ("查看体质健康数据"); else a neutral "此操作".
     */
    public String permission(Locale locale, String reason) {
        if (reason == null || reason.isBlank()) {
            return text(locale, "permission.other");
        }
        String direct = textOr(locale, "permission." + reason, null);
        if (direct != null) {
            return direct;
        }
        int dot = reason.lastIndexOf('.');
        if (dot > 0) {
            String dataClass = textOr(locale, "dataclass." + reason.substring(0, dot).toUpperCase(Locale.ROOT), null);
            String action = textOr(locale, "verb." + reason.substring(dot + 1).toLowerCase(Locale.ROOT), null);
            if (dataClass != null && action != null) {
                return text(locale, "permission.pattern", action, dataClass);
            }
        }
        return text(locale, "permission.other");
    }
}
