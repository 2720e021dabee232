package org.zhsz.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.jspecify.annotations.Nullable;


/**
 * One invalid field of a request (or cell of an imported row): a JSON pointer-ish path, a machine code and a
 * readable message. The message sent is looked up as {@link #key()} in the caller's language with the field's
 * label as argument {@code {0}} and {@link #args()} after it ({@link Messages#localize}); {@code message} as
 * written by the code is only the fallback of a missing bundle entry. {@code label} is the field's name for
 * people, filled in when localized.
 */
public record FieldError(String field, String code, @Nullable String message, @Nullable String label,
                         @JsonIgnore String messageKey, @JsonIgnore List<Object> args) {

    public FieldError {
        args = args == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(args));
    }

    public FieldError(String field, String code, String message) {
        this(field, code, message, null, null, List.of());
    }

    /** A field error whose message is the bundle entry {@code messageKey} with these arguments after the label. */
    public static FieldError of(String field, String code, String messageKey, Object... args) {
        return new FieldError(field, code, null, null, messageKey, Arrays.asList(args));
    }

    /** The bundle key of the message: the explicit one, else {@code field.<code>}. */
    public String key() {
        return messageKey != null ? messageKey : "field." + code;
    }
}
