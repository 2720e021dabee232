package org.zhsz.platform;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * An error the API reports as an RFC 9457 problem. {@code code} is stable and machine-readable; the
 * message is looked up as {@code problem.<code>} in the messages bundle in the caller's language, with
 * {@code args} filled in; {@code fallback} is used when no bundle entry exists.
 */
public class ApiException extends RuntimeException {

    /** The exchange attribute under which the web layer keeps the problem a request ended with. */
    public static final String EXCHANGE_ATTRIBUTE = ApiException.class.getName();

    private final HttpStatus status;
    private final String code;
    private final Object[] args;
    private final List<FieldError> errors;
    private final Map<String, Object> properties;

    public ApiException(HttpStatus status, String code, String fallback, List<FieldError> errors,
                        Map<String, Object> properties, Object... args) {
        super(fallback, null, false, false);
        this.status = status;
        this.code = code;
        this.args = args;
        this.errors = List.copyOf(errors);
        this.properties = Map.copyOf(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
