package org.zhsz.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text field of a request body that may hold several lines (a description, a reason, a note): there
 * {@link SafeText} also accepts newline, carriage return and tab. Every other JSON string field is one line.
 * Put it on the record component (it also applies to the strings of a {@code List<String>} component).
 */
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface MultiLine {
}
