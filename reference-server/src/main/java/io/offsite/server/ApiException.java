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

    /**
     * A 422 listing {@code errors}; its detail is the one error's field and reason, or {@code whenMany} for several.
     */
    static ApiException invalid(List<Problem.FieldError> errors, String whenMany) {
        Problem.FieldError first = errors.get(0);
        return invalid(errors.size() > 1 ? whenMany : first.field().isEmpty() ? first.reason()
                : first.field() + ": " + first.reason(), errors);
    }

    /** {@code message} without the {@code location + ": "} it starts with (a library names the place it refused). */
    static String withoutLocation(String message, String location) {
        String m = String.valueOf(message);
        return m.startsWith(location + ": ") ? m.substring(location.length() + 2) : m;
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
