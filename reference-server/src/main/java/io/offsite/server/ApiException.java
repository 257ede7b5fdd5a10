package io.offsite.server;

import java.util.List;

/** A request the API refuses, with the status and the fields to name in the problem body. */
final class ApiException extends RuntimeException {
    private final int status;
    private final String type;
    private final List<Problem.FieldError> errors;

    ApiException(int status, String type, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    static ApiException badRequest(String detail) {
        return new ApiException(400, "https://offsite.io/problems/bad-request", detail, List.of());
    }

    static ApiException invalid(String detail, List<Problem.FieldError> errors) {
        return new ApiException(422, "https://offsite.io/problems/invalid-field", detail, errors);
    }

    static ApiException field(String field, String reason) {
        return invalid(shown(field) + ": " + reason, List.of(new Problem.FieldError(field, reason)));
    }

    /** A field for a detail sentence: the empty JSON pointer (the whole body) reads {@code (root)}. */
    static String shown(String field) {
        return field.isEmpty() ? "(root)" : field;
    }

    static ApiException notFound(String detail) {
        return new ApiException(404, "https://offsite.io/problems/not-found", detail, List.of());
    }

    static ApiException conflict(String detail) {
        return new ApiException(409, "https://offsite.io/problems/conflict", detail, List.of());
    }

    static ApiException forbidden(String detail) {
        return new ApiException(403, "https://offsite.io/problems/forbidden", detail, List.of());
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    List<Problem.FieldError> errors() {
        return errors;
    }
}
