package org.zhsz.platform.web;

import java.util.Locale;
import java.util.Map;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.ServerWebExchange;
import org.zhsz.platform.Actor;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document as clients need it: the bearer-token scheme on every operation but the public dossier check,
 * the RFC 9457 problem every operation may answer (with its machine {@code code}, per-field {@code errors} and a
 * refusal's {@code reason}), and no injected arguments (the actor from the token, the caller's language, the
 * exchange) shown as request parameters. The web app's API types are generated from this document.
 */
@Configuration
class OpenApiConfig {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "Bad request (problem.code names it)",
            "401", "A valid access token is required",
            "403", "In scope but not allowed (reason names what was refused)",
            "404", "Not found, or outside the caller's scope",
            "409", "Conflict: stale version, duplicate, or a state that changed",
            "422", "Invalid fields (errors) or a rule of the workflow");

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class, ServerWebExchange.class, Locale.class);
    }

    /** The RFC 9457 problem as every operation may answer it. */
    static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the field, e.g. birthDate or answers[3]"))
                .addProperty("code", new StringSchema().description("stable machine code, e.g. required"))
                .addProperty("label", new StringSchema().description("the field's name in the caller's language"))
                .addProperty("message", new StringSchema().description("the message in the caller's language"));
        Schema<?> problem = new ObjectSchema().description("RFC 9457 problem; texts in the caller's language")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().description("stable machine code, e.g. stale_version"))
                .addProperty("reason", new StringSchema().description("for a 403: the machine code of what was refused"))
                .addProperty("errors", new ArraySchema().items(fieldError));
        problem.setRequired(java.util.List.of("type", "title", "status", "code"));
        return problem;
    }

    @Bean
    OpenAPI zhszOpenApi() {
        return new OpenAPI()
                .info(new Info().title("ZHSZ 综合素质评价平台 API").version("v1")
                        .description("REST API of the ZHSZ platform. Texts follow Accept-Language (zh-CN default, en)."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("An access token of the zhsz realm (audience zhsz-api)")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * Swagger's model resolver with {@link RecordSchemas.Names} (replaces the default one: springdoc swaps a
     * registered converter for a bean of the same class), and {@link RecordSchemas}, which runs before it and marks
     * the always-present record components required.
     */
    @Bean
    io.swagger.v3.core.jackson.ModelResolver zhszModelResolver(
            org.springdoc.core.properties.SpringDocConfigProperties properties) {
        boolean openapi31 = properties.isOpenapi31();
        return new io.swagger.v3.core.jackson.ModelResolver(openapi31 ? io.swagger.v3.core.util.Json31.mapper()
                : io.swagger.v3.core.util.Json.mapper(), new RecordSchemas.Names()).openapi31(openapi31);
    }

    @Bean
    RecordSchemas recordSchemas() {
        return new RecordSchemas();
    }

    /** Every operation: the problems it may answer; the public dossier check: no token needed. */
    @Bean
    GlobalOpenApiCustomizer problemResponses() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            // added after the document is generated: schemas set on the bean are replaced by the generated ones
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            // one shared response per status, referenced by every operation (keeps the document and the web app's
            // generated types small)
            PROBLEMS.forEach((status, description) -> api.getComponents().addResponses(PROBLEM + status,
                    new ApiResponse().description(description).content(new Content()
                            .addMediaType("application/problem+json", new MediaType()
                                    .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> {
                addProblems(op);
                if (path.startsWith("/api/v1/verify") || path.startsWith("/api/v1/public/")) {
                    op.setSecurity(java.util.List.of());
                }
            }));
        };
    }

    private static void addProblems(Operation op) {
        ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        PROBLEMS.keySet().forEach(status -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + PROBLEM + status));
            }
        });
        op.setResponses(responses);
    }
}
