package org.zhsz.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.zhsz.platform.ApiException;
import org.zhsz.platform.FieldError;
import org.zhsz.platform.Messages;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns any failure into an RFC 9457 problem with a stable {@code type}, a machine {@code code}, a message in
 * the caller's language and per-field {@code errors}. Unknown failures become a 500 without internals.
 */
@Component
public class ProblemMapper {

    public static final String TYPE_BASE = "https://zhsz.example.org/problems/";
    private static final Logger log = LoggerFactory.getLogger(ProblemMapper.class);

    private final MessageSource messages;
    private final Messages texts;

    ProblemMapper(MessageSource messages, Messages texts) {
        this.messages = messages;
        this.texts = texts;
    }

    public ProblemDetail toProblem(Throwable error, ServerWebExchange exchange) {
        Locale locale = LocaleSupport.locale(exchange);
        Mapped m = map(error);
        ProblemDetail p = ProblemDetail.forStatus(m.status);
        p.setType(URI.create(TYPE_BASE + m.code.replace('_', '-')));
        p.setTitle(message("title." + m.status.value(), new Object[0], m.status.getReasonPhrase(), locale));
        // the machine reason of a 403 stays in the "reason" property; people read what they were refused
        String detail = texts.detail(locale, m.code, m.args, null);
        if (detail == null && m.code.startsWith("http_")) {
            // a status without a problem of its own (e.g. 416 from a range request): its title says it
            detail = message("problem.http_error", new Object[]{p.getTitle()}, m.fallback, locale);
        }
        p.setDetail(detail != null ? detail : m.fallback);
        p.setProperty("code", m.code);
        if (!m.errors.isEmpty()) {
            p.setProperty("errors", texts.localize(locale, m.errors));
        }
        if (error instanceof ApiException api) {
            api.properties().forEach(p::setProperty);
        }
        if (exchange != null) {
            p.setInstance(URI.create(exchange.getRequest().getPath().value()));
        }
        return p;
    }

    private String message(String key, Object[] args, String fallback, Locale locale) {
        try {
            return messages.getMessage(key, args, locale);
        } catch (NoSuchMessageException e) {
            return fallback;
        }
    }

    private record Mapped(HttpStatus status, String code, String fallback, Object[] args, List<FieldError> errors) {
        Mapped(HttpStatus status, String code, String fallback) {
            this(status, code, fallback, new Object[0], List.of());
        }
    }

    private Mapped map(Throwable error) {
        if (error instanceof ApiException api) {
            return new Mapped(api.status(), api.code(), api.getMessage(), api.args(), api.errors());
        }
        if (error instanceof WebExchangeBindException bind) {
            List<FieldError> errors = new ArrayList<>();
            bind.getFieldErrors().forEach(fe -> errors.add(new FieldError(fe.getField(),
                    fe.getCode() == null ? "invalid" : fe.getCode().toLowerCase(Locale.ROOT),
                    fe.getDefaultMessage())));
            bind.getGlobalErrors().forEach(ge -> errors.add(new FieldError(ge.getObjectName(), "invalid",
                    ge.getDefaultMessage())));
            return new Mapped(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", "The request has invalid fields",
                    new Object[0], errors);
        }
        Throwable limit = find(error, DataBufferLimitException.class);
        if (limit != null || error instanceof PayloadTooLargeException) {
            return new Mapped(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", "The request body is too large");
        }
        if (error instanceof UnsupportedMediaTypeStatusException) {
            return new Mapped(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "This content type is not accepted here");
        }
        if (error instanceof NotAcceptableStatusException) {
            return new Mapped(HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "No acceptable representation");
        }
        if (error instanceof MethodNotAllowedException) {
            return new Mapped(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "Method not allowed here");
        }
        if (error instanceof MissingRequestValueException missing) {
            return new Mapped(HttpStatus.BAD_REQUEST, "missing_parameter", "A required parameter is missing",
                    new Object[]{missing.getName()}, List.of(new FieldError(missing.getName(), "required",
                    "required")));
        }
        if (error instanceof ServerWebInputException input) {
            return mapInput(input);
        }
        if (error instanceof OptimisticLockingFailureException) {
            return new Mapped(HttpStatus.CONFLICT, "stale_version",
                    "The resource was changed by someone else; reload and try again");
        }
        if (error instanceof DuplicateKeyException) {
            return new Mapped(HttpStatus.CONFLICT, "duplicate", "This already exists");
        }
        if (error instanceof AuthenticationException) {
            return new Mapped(HttpStatus.UNAUTHORIZED, "unauthorized", "A valid access token is required");
        }
        if (error instanceof AccessDeniedException) {
            return new Mapped(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", new Object[]{""}, List.of());
        }
        if (error instanceof ResponseStatusException rse) {
            HttpStatusCode sc = rse.getStatusCode();
            HttpStatus status = HttpStatus.resolve(sc.value());
            if (status == null) {
                status = HttpStatus.BAD_REQUEST;
            }
            if (status == HttpStatus.NOT_FOUND) {
                return new Mapped(status, "no_such_path", "No such resource");
            }
            if (status.is5xxServerError()) {
                log.error("Server error", error);
                return new Mapped(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "Something went wrong on our side");
            }
            return new Mapped(status, "http_" + status.value(), status.getReasonPhrase(),
                    new Object[]{status.value()}, List.of());
        }
        if (isClientGone(error)) {
            log.debug("Client went away: {}", error.toString());
        } else {
            log.error("Unhandled error", error);
        }
        return new Mapped(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "Something went wrong on our side");
    }

    /** A browser that closed the connection is not a server error worth an alarm. */
    private static boolean isClientGone(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            String msg = String.valueOf(t.getMessage());
            if (name.endsWith("AbortedException") || msg.contains("Broken pipe")
                    || msg.contains("Connection reset by peer")) {
                return true;
            }
        }
        return false;
    }

    private Mapped mapInput(ServerWebInputException input) {
        UnrecognizedPropertyException unknown = find(input, UnrecognizedPropertyException.class);
        if (unknown != null) {
            String field = path(unknown);
            return new Mapped(HttpStatus.BAD_REQUEST, "unknown_field", "Unknown field: " + field,
                    new Object[]{field}, List.of(new FieldError(field, "unknown", "unknown field")));
        }
        InvalidFormatException format = find(input, InvalidFormatException.class);
        MismatchedInputException mismatch = format != null ? format : find(input, MismatchedInputException.class);
        if (mismatch != null) {
            String field = path(mismatch);
            return new Mapped(HttpStatus.BAD_REQUEST, "wrong_type", "Wrong type for field: " + field,
                    new Object[]{field}, List.of(new FieldError(field, "type", "wrong type")));
        }
        if (find(input, StreamReadException.class) != null || find(input, JacksonException.class) != null
                || find(input, DecodingException.class) != null) {
            return new Mapped(HttpStatus.BAD_REQUEST, "malformed_body", "The request body is not valid JSON");
        }
        String reason = input.getReason() == null ? "" : input.getReason();
        if (reason.contains("body is missing")) {
            return new Mapped(HttpStatus.BAD_REQUEST, "missing_body", "A request body is required");
        }
        if (input.getMethodParameter() != null && input.getMethodParameter().getParameterName() != null) {
            String name = input.getMethodParameter().getParameterName();
            return new Mapped(HttpStatus.BAD_REQUEST, "invalid_parameter", "Invalid parameter: " + name,
                    new Object[]{name}, List.of(new FieldError(name, "invalid", "invalid value")));
        }
        return new Mapped(HttpStatus.BAD_REQUEST, "bad_request", "The request could not be read");
    }

    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "$" : sb.toString();
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        Throwable t = error;
        int depth = 0;
        while (t != null && depth++ < 12) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            t = t.getCause();
        }
        return null;
    }
}
