package org.zhsz.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.zhsz.platform.Messages;

/**
 * The audit trail for people: what an action code, a role, a data class or a reason the system wrote means, in the
 * reader's language. Codes stay beside the texts in the answers; reasons people wrote (a break-glass reason, a
 * voiding note) are shown as written.
 */
@Component
class AuditTexts {

    private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z_ .-]*");
    private static final Pattern PAIRS = Pattern.compile("([a-z]+)=(\\S+)");

    private final Messages messages;

    AuditTexts(Messages messages) {
        this.messages = messages;
    }

    /** "查看体测成绩" for {@code fitness.read}; "其他操作" for a code without a text. */
    String action(Locale locale, String action) {
        if (action == null) {
            return null;
        }
        return messages.textOr(locale, "action." + action, messages.text(locale, "action.other"));
    }

    String role(Locale locale, String role) {
        return role == null ? null : messages.textOr(locale, "role." + role, role);
    }

    String dataClass(Locale locale, String dataClass) {
        return dataClass == null ? null : messages.textOr(locale, "dataclass." + dataClass, dataClass);
    }

    /** The stable code of a reason the system wrote ({@code assigned_task}); null for people's own words. */
    String reasonCode(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        if (PAIRS.matcher(reason).lookingAt()) {
            return "counts";
        }
        return CODE.matcher(reason).matches() ? normalize(reason) : null;
    }

    /**
     * A reason as people read it: a system code by its bundle text ({@code reason.<code>}, or a consent purpose), a
     * system summary such as {@code created=3 rejected=1} as "新增 3，未导入 1", people's own words as written.
     */
    String reason(Locale locale, String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        Matcher pairs = PAIRS.matcher(reason);
        if (pairs.lookingAt()) {
            pairs.reset();
            List<String> parts = new ArrayList<>();
            while (pairs.find()) {
                String label = messages.textOr(locale, "reason.kv." + pairs.group(1), pairs.group(1));
                parts.add(label + " " + pairs.group(2));
            }
            return String.join(messages.text(locale, "reason.kv.separator"), parts);
        }
        if (CODE.matcher(reason).matches()) {
            String code = normalize(reason);
            String text = messages.textOr(locale, "reason." + code, null);
            if (text == null) {
                text = messages.textOr(locale, "reason." + reason.trim(), null);
            }
            if (text == null) {
                text = messages.textOr(locale, "purpose." + reason.trim(), null);
            }
            return text != null ? text : reason;
        }
        return reason;
    }

    private static String normalize(String reason) {
        return reason.trim().replace(' ', '_').replace('-', '_').replace('.', '_').toLowerCase(Locale.ROOT);
    }
}
