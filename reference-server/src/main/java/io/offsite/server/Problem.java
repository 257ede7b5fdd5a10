package io.offsite.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}): every error the API returns.
 *
 * @param type     a URI naming the kind of problem ({@code about:blank} = the status says it all)
 * @param title    the status's short summary
 * @param status   the HTTP status
 * @param detail   what went wrong with this request, in one sentence
 * @param instance the request path
 * @param errors   one entry per bad field (JSON pointer or parameter name), empty when not about fields
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    /** One bad field: where (a JSON pointer such as {@code /detections/3/lon}, or a query parameter) and why. */
    record FieldError(String field, String reason) {
    }
}
