package io.offsite.notify;

import static io.offsite.notify.StallingServer.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.offsite.notify.spi.SendRequest;
import io.offsite.notify.spi.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Hostile or broken gateways: each send ends by its total deadline and reads a bounded answer. */
class HttpGatewayDeadlineTest {
    private static final Duration GENEROUS = Duration.ofSeconds(20);

    private static SendRequest req(String text) {
        return new SendRequest("ep-1/request-owner-move", Channel.SMS, "13812345678", text, 1,
                Instant.parse("2026-03-02T02:00:00Z"));
    }

    @Test
    void headersThenStall_endsAtTheTotalDeadline_asRetryable() throws Exception {
        try (StallingServer server = new StallingServer((head, out, s) -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"Code\":");
            s.stall(120);
        })) {
            HttpGateway gw = HttpGateway.builder(server.url("/sms?to=${to}")).timeout(Duration.ofMillis(500)).build();
            SendResult r = assertTimeoutPreemptively(GENEROUS, () -> gw.send(req("x")));
            assertThat(r.kind()).isEqualTo(SendResult.Kind.RETRYABLE);
            assertThat(r.detail()).contains("total deadline of PT0.5S");
        }
    }

    @Test
    void trickledBody_isNeverAcceptedAfterTheDeadline() throws Exception {
        AtomicBoolean finished = new AtomicBoolean();
        try (StallingServer server = new StallingServer((head, out, s) -> {
            write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            for (int i = 0; i < 200 && !s.stall(0); i++) { // one byte every 50 ms for 10 s
                write(out, "1\r\n \r\n");
                Thread.sleep(50);
            }
            write(out, "6\r\nOK-biz\r\n0\r\n\r\n");
            finished.set(true);
        })) {
            HttpGateway gw = HttpGateway.builder(server.url("/sms")).acceptedWhen("OK")
                    .timeout(Duration.ofMillis(500)).build();
            SendResult r = assertTimeoutPreemptively(GENEROUS, () -> gw.send(req("x")));
            assertThat(r.kind()).isEqualTo(SendResult.Kind.RETRYABLE);
            assertThat(finished).as("answered before the server finished trickling").isFalse();
        }
    }

    @Test
    void endlessChunkedBody_isCutAtTheSizeCap_notReadIntoTheHeap() throws Exception {
        String chunk = Integer.toHexString(8192) + "\r\n" + "x".repeat(8192) + "\r\n";
        try (StallingServer server = new StallingServer((head, out, s) -> {
            write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            while (!s.stall(0)) {
                write(out, chunk);
            }
        })) {
            HttpGateway gw = HttpGateway.builder(server.url("/sms")).maxResponseBytes(64 * 1024)
                    .timeout(Duration.ofMinutes(2)).build();
            SendResult r = assertTimeoutPreemptively(GENEROUS, () -> gw.send(req("x")));
            assertThat(r.kind()).isEqualTo(SendResult.Kind.RETRYABLE);
            assertThat(r.detail()).contains("larger than 65536 bytes");
        }
    }

    @Test
    void placeholderValueWithALineBreakInAHeader_rejectsTheMessage_namingTheTemplate() throws Exception {
        try (StallingServer server = new StallingServer((head, out, s) -> write(out,
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK"))) {
            HttpGateway gw = HttpGateway.builder(server.url("/sms")).header("X-Summary", "${text}").build();
            SendResult r = gw.send(req("请驶离\n谢谢"));
            assertThat(r.kind()).isEqualTo(SendResult.Kind.REJECTED);
            assertThat(r.detail()).contains("header X-Summary (template '${text}')").contains("line break");
            assertThat(server.requests).isEmpty();
            assertThat(gw.send(req("ok")).kind()).isEqualTo(SendResult.Kind.ACCEPTED);
        }
    }

    @Test
    void headerTemplatesTheClientCannotSend_areNotifyExceptionsAtBuild_namingTheTemplate() {
        HttpGateway.Builder b = HttpGateway.builder("http://127.0.0.1:9/sms");
        assertThatThrownBy(() -> b.header("X-Sign", "a\nb")).isInstanceOf(NotifyException.class)
                .hasMessageContaining("template 'a\\u000ab'").hasMessageContaining("line break");
        assertThatThrownBy(() -> b.header("X-Sign", "a\u0001b")).isInstanceOf(NotifyException.class)
                .hasMessageContaining("template 'a\\u0001b'");
        assertThatThrownBy(() -> b.header("Host", "evil.example")).isInstanceOf(NotifyException.class)
                .hasMessageContaining("header Host");
        assertThatThrownBy(() -> b.header("X\nY", "v")).isInstanceOf(NotifyException.class)
                .hasMessageContaining("'X\\u000aY'");
        assertThatThrownBy(() -> HttpGateway.builder("http://exa mple/${to}")).isInstanceOf(NotifyException.class)
                .hasMessageContaining("does not give a valid URL");
        assertThatThrownBy(() -> b.maxResponseBytes(10)).isInstanceOf(NotifyException.class)
                .hasMessageContaining("1024..16777216");
    }

    @Test
    void sendRequestWithAttemptZero_isANotifyException() {
        assertThatThrownBy(() -> new SendRequest("k", Channel.SMS, "13812345678", "x", 0, Instant.EPOCH))
                .isInstanceOf(NotifyException.class).hasMessageContaining("attempt must be >= 1, was 0");
    }
}
