package org.zhsz.platform;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** Factories for the problems every module raises, so codes and statuses stay consistent. */
public final class Problems {

    private Problems() {
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", what + " " + id + " not found", List.of(),
                Map.of("resource", what), what, id);
    }

    public static ApiException forbidden(String reason) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", "Not allowed: " + reason, List.of(),
                Map.of("reason", reason), reason);
    }

    public static ApiException conflict(String code, String message, Object... args) {
        return new ApiException(HttpStatus.CONFLICT, code, message, List.of(), Map.of(), args);
    }

    public static ApiException badRequest(String code, String message, Object... args) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message, List.of(), Map.of(), args);
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed",
                "The request has invalid fields", errors, Map.of());
    }

    public static ApiException invalid(String field, String code, String message) {
        return invalid(List.of(new FieldError(field, code, message)));
    }

    /** A domain rule refused the change (e.g. wrong workflow state), not a malformed field. */
    public static ApiException rule(String code, String message, Object... args) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, code, message, List.of(), Map.of(), args);
    }

    public static ApiException unsupportedMediaType(String message) {
        return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", message, List.of(),
                Map.of(), message);
    }

    public static ApiException tooLarge(String message) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", message, List.of(), Map.of(),
                message);
    }

    public static ApiException tooManyRequests(String message) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_requests", message, List.of(), Map.of(),
                message);
    }

    /** A service the request depends on (e.g. Keycloak for accounts) cannot be reached: 503, nothing was changed. */
    public static ApiException unavailable(String code, String message, Object... args) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, code, message, List.of(), Map.of(), args);
    }

    public static ApiException staleVersion() {
        return conflict("stale_version", "The resource was changed by someone else; reload and try again");
    }
}
