package io.offsite.notify;

import io.offsite.notify.spi.Gateway;
import io.offsite.notify.spi.SendRequest;
import io.offsite.notify.spi.SendResult;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link Gateway} for HTTP SMS (or push, or camera) APIs, driven by templates the way most Chinese cloud
 * SMS APIs are called: a URL template and optionally a body template with {@code ${to}}, {@code ${text}},
 * {@code ${key}}, {@code ${channel}} and {@code ${attempt}}. Values are URL-encoded in the URL and in FORM
 * bodies, and JSON-escaped in JSON bodies (write the quotes in the template). The answer is classified:
 * 408, 429 and 5xx, time-outs and network errors are retryable; other 4xx are rejections; a 2xx is accepted
 * when its body matches {@code acceptedWhen} (default: any body), retryable when it matches
 * {@code retryableWhen} (e.g. a throttling code), and rejected otherwise. The provider's message id is taken
 * from the body with {@code providerIdPattern} (group 1), else the idempotency key is used. Each send has one
 * total deadline ({@link Builder#timeout}) covering connect, request, response headers and body, and reads at
 * most {@link Builder#maxResponseBytes} of the answer: a gateway that stalls after its headers, trickles its
 * body or streams without end yields a retryable failure by the deadline, never an acceptance after it. Uses
 * the JDK {@link HttpClient}; thread-safe.
 */
public final class HttpGateway implements Gateway {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");
    private static final List<String> NAMES = List.of("to", "text", "key", "channel", "attempt");
    private static final SendRequest SAMPLE = new SendRequest("sample-key", Channel.SMS, "13800000000", "sample", 1,
            java.time.Instant.EPOCH);

    private final HttpClient client;
    private final String urlTemplate;
    private final Optional<String> bodyTemplate;
    private final BodyFormat format;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final int maxResponseBytes;
    private final Pattern acceptedWhen;
    private final Optional<Pattern> retryableWhen;
    private final Optional<Pattern> providerId;

    private HttpGateway(Builder b) {
        this.client = b.client != null ? b.client
                : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.urlTemplate = b.urlTemplate;
        this.bodyTemplate = b.bodyTemplate;
        this.format = b.format;
        this.headers = Map.copyOf(b.headers);
        this.timeout = b.timeout;
        this.maxResponseBytes = b.maxResponseBytes;
        this.acceptedWhen = b.acceptedWhen;
        this.retryableWhen = b.retryableWhen;
        this.providerId = b.providerId;
    }

    /** A builder for a gateway calling {@code urlTemplate} (absolute http(s) URL with placeholders). */
    public static Builder builder(String urlTemplate) {
        return new Builder(urlTemplate);
    }

    @Override
    public SendResult send(SendRequest r) {
        Objects.requireNonNull(r, "request");
        URI uri;
        try {
            uri = URI.create(fill(urlTemplate, r, v -> URLEncoder.encode(v, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return SendResult.rejected("cannot build URL from template: " + e.getMessage());
        }
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(timeout);
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String value = fill(h.getValue(), r, v -> v);
            try {
                req.header(h.getKey(), value);
            } catch (IllegalArgumentException e) {
                return SendResult.rejected("header " + h.getKey() + " (template '" + printable(h.getValue())
                        + "') cannot carry this message's value: it has a line break or a character outside "
                        + "Latin-1 (" + e.getMessage() + ")");
            }
        }
        if (bodyTemplate.isPresent()) {
            String body = fill(bodyTemplate.get(), r, format == BodyFormat.JSON ? HttpGateway::json
                    : v -> URLEncoder.encode(v, StandardCharsets.UTF_8));
            req.header("Content-Type", format == BodyFormat.JSON ? "application/json; charset=utf-8"
                    : "application/x-www-form-urlencoded; charset=utf-8");
            req.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            req.GET();
        }
        // one deadline for everything: connecting, the request, the response headers and the whole body
        CompletableFuture<HttpResponse<byte[]>> call = client.sendAsync(req.build(),
                info -> new CappedBody(maxResponseBytes));
        HttpResponse<byte[]> resp;
        try {
            resp = call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            return SendResult.retryable("HTTP time-out: no complete answer within the total deadline of " + timeout
                    + " (connect, headers and body)");
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return SendResult.retryable("interrupted while waiting for the gateway");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof CappedBody.TooLarge) {
                    return SendResult.retryable("HTTP answer refused: " + t.getMessage());
                }
                if (t instanceof HttpTimeoutException) {
                    return SendResult.retryable("HTTP time-out after " + timeout + ": " + t.getMessage());
                }
            }
            return SendResult.retryable("HTTP I/O error: " + cause.getClass().getSimpleName() + ": "
                    + cause.getMessage());
        }
        int status = resp.statusCode();
        String body = resp.body() == null ? "" : new String(resp.body(), StandardCharsets.UTF_8);
        String excerpt = "HTTP " + status + ": " + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
        if (status == 408 || status == 429 || status >= 500) {
            return SendResult.retryable(excerpt);
        }
        if (status < 200 || status >= 300) {
            return SendResult.rejected(excerpt);
        }
        if (retryableWhen.isPresent() && retryableWhen.get().matcher(body).find()) {
            return SendResult.retryable(excerpt);
        }
        if (!acceptedWhen.matcher(body).find()) {
            return SendResult.rejected(excerpt);
        }
        String id = r.key();
        if (providerId.isPresent()) {
            Matcher m = providerId.get().matcher(body);
            if (m.find() && m.groupCount() >= 1 && m.group(1) != null) {
                id = m.group(1);
            }
        }
        return SendResult.accepted(id);
    }

    private static String fill(String template, SendRequest r, UnaryOperator<String> encode) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v;
            switch (m.group(1)) {
                case "to": v = r.to(); break;
                case "text": v = r.text(); break;
                case "key": v = r.key(); break;
                case "channel": v = r.channel().name(); break;
                default: v = Integer.toString(r.attempt()); break;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(encode.apply(v)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static String json(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.toString();
    }

    /** Control characters escaped, so a template can be quoted in a message on one line. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().limit(200).forEach(c -> {
            if (c < 0x20 || c == 0x7F) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return s.codePointCount(0, s.length()) > 200 ? sb + "…" : sb.toString();
    }

    private static void checkPlaceholders(String what, String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!NAMES.contains(m.group(1))) {
                throw new NotifyException("HTTP gateway " + what + ": unknown placeholder ${" + m.group(1)
                        + "} at index " + m.start() + "; known: " + NAMES);
            }
        }
    }

    /** How the body template's values are encoded. */
    public enum BodyFormat {
        /** {@code application/x-www-form-urlencoded}: values URL-encoded. */
        FORM,
        /** {@code application/json}: values JSON-string-escaped (the template supplies the quotes). */
        JSON
    }

    /** Builder with validating setters. */
    public static final class Builder {
        private final String urlTemplate;
        private HttpClient client;
        private Optional<String> bodyTemplate = Optional.empty();
        private BodyFormat format = BodyFormat.FORM;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Duration timeout = Duration.ofSeconds(10);
        private int maxResponseBytes = 64 * 1024;
        private Pattern acceptedWhen = Pattern.compile("");
        private Optional<Pattern> retryableWhen = Optional.empty();
        private Optional<Pattern> providerId = Optional.empty();

        private Builder(String urlTemplate) {
            Objects.requireNonNull(urlTemplate, "urlTemplate");
            if (!urlTemplate.startsWith("http://") && !urlTemplate.startsWith("https://")) {
                throw new NotifyException("HTTP gateway URL must start with http:// or https://, was '" + urlTemplate
                        + "'");
            }
            checkPlaceholders("URL", urlTemplate);
            try {
                HttpRequest.newBuilder(URI.create(fill(urlTemplate, SAMPLE,
                        v -> URLEncoder.encode(v, StandardCharsets.UTF_8))));
            } catch (IllegalArgumentException e) {
                throw new NotifyException("HTTP gateway URL template '" + printable(urlTemplate)
                        + "' does not give a valid URL: " + e.getMessage(), e);
            }
            this.urlTemplate = urlTemplate;
        }

        /** Sends a POST with this body template instead of a GET. */
        public Builder post(String template, BodyFormat bodyFormat) {
            Objects.requireNonNull(template, "template");
            checkPlaceholders("body", template);
            this.bodyTemplate = Optional.of(template);
            this.format = Objects.requireNonNull(bodyFormat, "bodyFormat");
            return this;
        }

        /**
         * Adds a header (e.g. an API key); the value may use placeholders, inserted unencoded. A name the JDK
         * client does not allow (such as {@code Host} or {@code Content-Length}), or a template with a line
         * break or another character a header cannot carry, is refused here; a message whose values would put
         * such a character into the header is rejected when sent (dead-lettered with the reason).
         */
        public Builder header(String name, String valueTemplate) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(valueTemplate, "valueTemplate");
            if (!name.matches("[A-Za-z0-9-]{1,100}")) {
                throw new NotifyException("HTTP gateway header name '" + printable(name) + "' must be 1..100 "
                        + "letters, digits or '-'");
            }
            if (valueTemplate.contains("\r") || valueTemplate.contains("\n")) {
                throw new NotifyException("HTTP gateway header " + name + ": template '" + printable(valueTemplate)
                        + "' contains a line break (CR/LF), which would split the request");
            }
            checkPlaceholders("header " + name, valueTemplate);
            try {
                HttpRequest.newBuilder(URI.create("http://localhost/")).header(name, fill(valueTemplate, SAMPLE,
                        v -> v));
            } catch (IllegalArgumentException e) {
                throw new NotifyException("HTTP gateway header " + name + " with template '" + printable(valueTemplate)
                        + "' is not allowed by the HTTP client: " + e.getMessage(), e);
            }
            headers.put(name, valueTemplate);
            return this;
        }

        /**
         * Total deadline of one send, 100 ms..2 min (default 10 s): connecting, sending, the response headers
         * and the whole body must be done by then, or the send is a retryable time-out.
         */
        public Builder timeout(Duration value) {
            Objects.requireNonNull(value, "timeout");
            if (value.toMillis() < 100 || value.compareTo(Duration.ofMinutes(2)) > 0) {
                throw new NotifyException("HTTP gateway timeout must be 100 ms..2 min, was " + value);
            }
            this.timeout = value;
            return this;
        }

        /**
         * Largest response body read, 1 KiB..16 MiB (default 64 KiB); a longer answer is cut off and the send
         * counts as a retryable failure.
         */
        public Builder maxResponseBytes(int value) {
            if (value < 1024 || value > 16 * 1024 * 1024) {
                throw new NotifyException("HTTP gateway maxResponseBytes must be 1024..16777216, was " + value);
            }
            this.maxResponseBytes = value;
            return this;
        }

        /** A 2xx body must contain a match of this regex to count as accepted. */
        public Builder acceptedWhen(String regex) {
            this.acceptedWhen = compile("acceptedWhen", regex);
            return this;
        }

        /** A 2xx body containing a match of this regex is a retryable failure (e.g. throttling codes). */
        public Builder retryableWhen(String regex) {
            this.retryableWhen = Optional.of(compile("retryableWhen", regex));
            return this;
        }

        /** Regex whose group 1 is the provider's message id in a 2xx body. */
        public Builder providerIdPattern(String regex) {
            Pattern p = compile("providerIdPattern", regex);
            if (p.matcher("").groupCount() < 1) {
                throw new NotifyException("HTTP gateway providerIdPattern needs a capturing group, was '" + regex + "'");
            }
            this.providerId = Optional.of(p);
            return this;
        }

        /** The JDK client to use (default: a new client with a 5 s connect time-out). */
        public Builder httpClient(HttpClient value) {
            this.client = Objects.requireNonNull(value, "httpClient");
            return this;
        }

        /** Builds the gateway. */
        public HttpGateway build() {
            return new HttpGateway(this);
        }

        private static Pattern compile(String what, String regex) {
            Objects.requireNonNull(regex, what);
            try {
                return Pattern.compile(regex);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new NotifyException("HTTP gateway " + what + " is not a valid regex: " + e.getMessage());
            }
        }
    }
}
