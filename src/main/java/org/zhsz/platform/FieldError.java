package org.zhsz.platform;

/** One invalid field of a request: a JSON pointer-ish path, a machine code and a readable message. */
public record FieldError(String field, String code, String message) {
}
