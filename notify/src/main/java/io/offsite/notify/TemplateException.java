package io.offsite.notify;

/** A message template is malformed, or a render is missing a value or names an unknown placeholder. */
public final class TemplateException extends NotifyException {
    private static final long serialVersionUID = 1L;

    TemplateException(String message) {
        super(message);
    }
}
