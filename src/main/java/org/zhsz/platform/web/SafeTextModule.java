package org.zhsz.platform.web;

import org.zhsz.platform.MultiLine;
import org.zhsz.platform.SafeText;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Applies {@link SafeText} to every string of every JSON request body as it is decoded, so no field can be
 * forgotten: a refused string stops the decoding with {@link UnsafeTextException}, which becomes a 422 naming the
 * field (its JSON path). Strings of a {@link MultiLine} property may hold line breaks and tabs. Registered only
 * on the HTTP decoder (WebConfig), not on the application's JsonMapper, which also reads trusted files.
 */
final class SafeTextModule extends SimpleModule {

    SafeTextModule() {
        super("zhsz-safe-text");
        addDeserializer(String.class, new SafeStringDeserializer(false));
    }

    static final class SafeStringDeserializer extends StdScalarDeserializer<String> {

        private final boolean multiLine;

        SafeStringDeserializer(boolean multiLine) {
            super(String.class);
            this.multiLine = multiLine;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            boolean ml = property != null && property.getAnnotation(MultiLine.class) != null;
            return ml == multiLine ? this : new SafeStringDeserializer(ml);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            SafeText.Problem problem = SafeText.check(value, multiLine);
            if (problem != null) {
                throw new UnsafeTextException(p, problem);
            }
            return value;
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return "";
        }

        @Override
        public boolean isCachable() {
            return false;
        }
    }

    /** A string that {@link SafeText} refused; the path of the exception names the field. */
    static final class UnsafeTextException extends DatabindException {

        private final transient SafeText.Problem problem;

        UnsafeTextException(JsonParser p, SafeText.Problem problem) {
            super(p, "refused text: " + problem.code());
            this.problem = problem;
        }

        SafeText.Problem problem() {
            return problem;
        }
    }
}
