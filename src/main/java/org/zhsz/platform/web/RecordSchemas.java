package org.zhsz.platform.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;


import com.fasterxml.jackson.databind.JavaType;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.oas.models.media.Schema;

import org.jspecify.annotations.Nullable;

/**
 * How the API's records appear in the OpenAPI document, so that the web app's generated types are as strict as the
 * server: a record component is {@code required} unless it is annotated with JSpecify's {@link Nullable} (the JSON
 * is written {@code non_null}, so an absent value is left out, never sent as {@code null}), and a record nested in
 * another type is named {@code Outer.Inner} — many features have their own {@code Row} or {@code Item}, and plain
 * simple names would silently give two different records one schema.
 */
final class RecordSchemas implements ModelConverter {

    @Override
    public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema<?> resolved = chain.next().resolve(type, context, chain);
        Class<?> raw = rawClass(type.getType());
        if (resolved == null || raw == null || !raw.isRecord()) {
            return resolved;
        }
        Schema<?> model = resolved;
        if (resolved.get$ref() != null) {
            String ref = resolved.get$ref();
            model = context.getDefinedModels().get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (model != null && model.getProperties() != null) {
            model.setRequired(required(raw, model.getProperties().keySet()));
        }
        return resolved;
    }

    /** The components of a record that are always present in its JSON: all but the {@code @Nullable} ones. */
    static @Nullable List<String> required(Class<?> record, java.util.Set<String> properties) {
        List<String> required = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            if (properties.contains(component.getName()) && !nullable(component)) {
                required.add(component.getName());
            }
        }
        return required.isEmpty() ? null : required;
    }

    static boolean nullable(RecordComponent component) {
        return component.getAnnotatedType().isAnnotationPresent(Nullable.class);
    }

    private static @Nullable Class<?> rawClass(@Nullable Type type) {
        if (type instanceof Class<?> cls) {
            return cls;
        }
        if (type instanceof JavaType javaType) {
            return javaType.getRawClass();
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> cls) {
            return cls;
        }
        return null;
    }

    /**
     * Schema names: a top-level class by its simple name, a nested one as {@code Outer.Inner}; two classes that
     * would still share a name fail the document instead of silently sharing a schema.
     */
    static final class Names extends TypeNameResolver {

        private final Map<String, Class<?>> seen = new ConcurrentHashMap<>();

        @Override
        protected String getNameOfClass(Class<?> cls) {
            if (cls.getName().startsWith("java.") || !cls.getName().startsWith("org.zhsz.")) {
                return super.getNameOfClass(cls);
            }
            StringBuilder name = new StringBuilder(cls.getSimpleName());
            for (Class<?> outer = cls.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
                name.insert(0, outer.getSimpleName() + ".");
            }
            Class<?> other = seen.putIfAbsent(name.toString(), cls);
            if (other != null && other != cls) {
                throw new IllegalStateException("two API types would share the schema name " + name + ": "
                        + other.getName() + " and " + cls.getName());
            }
            return name.toString();
        }
    }
}
