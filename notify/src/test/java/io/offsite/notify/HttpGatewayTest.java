package io.offsite.notify;

import io.offsite.testkit.SettableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.offsite.notify.spi.SendRequest;
import io.offsite.notify.spi.SendResult;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpGatewayTest {
    private HttpServer server;
    private ExecutorService pool;
    private final List<String[]> seen = new CopyOnWriteArrayList<>(); // [method, query, body, header]
    private volatile int status = 200;
    private volatile String reply = "{\"Code\":\"OK\",\"BizId\":\"biz-123\"}";
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean hang;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pool = Executors.newFixedThreadPool(2);
        server.setExecutor(pool);
        server.createContext("/sms", this::handle);
        server.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        server.stop(0);
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(new String[] {ex.getRequestMethod(), ex.getRequestURI().getRawQuery(), body,
                String.valueOf(ex.getRequestHeaders().getFirst("X-Api-Key"))});
        if (hang) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] out = reply.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    private static SendRequest req(String text) {
        return new SendRequest("ep-1/request-owner-move", Channel.SMS, "13812345678", text, 1,
                Instant.parse("2026-03-02T02:00:00Z"));
    }

    private HttpGateway.Builder jsonGateway() {
        return HttpGateway.builder(base() + "?PhoneNumbers=${to}&OutId=${key}")
                .post("{\"text\":\"${text}\",\"attempt\":${attempt}}", HttpGateway.BodyFormat.JSON)
                .header("X-Api-Key", "secret").acceptedWhen("\"Code\"\\s*:\\s*\"OK\"")
                .retryableWhen("BUSINESS_LIMIT_CONTROL").providerIdPattern("\"BizId\"\\s*:\\s*\"([^\"]+)\"")
                .timeout(Duration.ofSeconds(10)); // generous: the build machine is shared
    }

    @Test
    void jsonPost_encodesValuesPerContext_andReadsProviderId() {
        SendResult r = jsonGateway().build().send(req("【城管】请\"立即\"驶离\n谢谢 & 100%"));
        assertThat(r.kind()).isEqualTo(SendResult.Kind.ACCEPTED);
        assertThat(r.providerId()).contains("biz-123");
        String[] call = seen.get(0);
        assertThat(call[0]).isEqualTo("POST");
        assertThat(URLDecoder.decode(call[1], StandardCharsets.UTF_8))
                .isEqualTo("PhoneNumbers=13812345678&OutId=ep-1/request-owner-move");
        assertThat(call[1]).contains("OutId=ep-1%2Frequest-owner-move");
        assertThat(call[2]).isEqualTo("{\"text\":\"【城管】请\\\"立即\\\"驶离\\n谢谢 & 100%\",\"attempt\":1}");
        assertThat(call[3]).isEqualTo("secret");
    }

    @Test
    void formPost_urlEncodesValues() {
        HttpGateway gw = HttpGateway.builder(base()).post("mobile=${to}&content=${text}", HttpGateway.BodyFormat.FORM)
                .build();
        assertThat(gw.send(req("a&b=c 车")).kind()).isEqualTo(SendResult.Kind.ACCEPTED);
        assertThat(seen.get(0)[2]).isEqualTo("mobile=13812345678&content=a%26b%3Dc+%E8%BD%A6");
    }

    @Test
    void serverErrorsAndThrottling_areRetryable_clientErrorsAndUnknownBodiesAreRejections() {
        HttpGateway gw = jsonGateway().build();
        status = 503;
        assertThat(gw.send(req("x")).kind()).isEqualTo(SendResult.Kind.RETRYABLE);
        status = 429;
        assertThat(gw.send(req("x")).kind()).isEqualTo(SendResult.Kind.RETRYABLE);
        status = 400;
        SendResult bad = gw.send(req("x"));
        assertThat(bad.kind()).isEqualTo(SendResult.Kind.REJECTED);
        assertThat(bad.detail()).startsWith("HTTP 400");
        status = 200;
        reply = "{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\"}";
        assertThat(gw.send(req("x")).kind()).isEqualTo(SendResult.Kind.RETRYABLE);
        reply = "{\"Code\":\"isv.MOBILE_NUMBER_ILLEGAL\"}";
        assertThat(gw.send(req("x")).detail()).contains("MOBILE_NUMBER_ILLEGAL");
    }

    @Test
    void slowGateway_timesOutAsRetryable() {
        hang = true;
        SendResult r = jsonGateway().timeout(Duration.ofMillis(500)).build().send(req("x"));
        assertThat(r.kind()).isEqualTo(SendResult.Kind.RETRYABLE);
        assertThat(r.detail()).contains("time-out");
    }

    @Test
    void unreachableGateway_isRetryable() {
        String url = base();
        server.stop(0);
        SendResult r = HttpGateway.builder(url).timeout(Duration.ofSeconds(2)).build().send(req("x"));
        assertThat(r.kind()).isEqualTo(SendResult.Kind.RETRYABLE);
        assertThat(r.detail()).contains("I/O error");
    }

    @Test
    void outboxOverHttpGateway_sendsOnceAndIsAccepted() {
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T02:00:00Z"));
        Outbox outbox = Outbox.builder(OutboxStores.inMemory()).clock(clock)
                .gateway(Channel.SMS, jsonGateway().build()).build();
        outbox.enqueue(new OutgoingMessage("ep-9/request-owner-move", Channel.SMS, "13812345678", "请驶离"));
        outbox.dispatchDue();
        assertThat(outbox.find("ep-9/request-owner-move").orElseThrow().providerId()).contains("biz-123");
        assertThat(outbox.onReceipt(Receipt.forProviderId("biz-123", Receipt.Status.DELIVERED, clock.instant(), "")))
                .isEqualTo(ReceiptOutcome.APPLIED);
        assertThat(seen).hasSize(1);
    }

    @Test
    void badTemplatesAndOptions_areRejectedAtBuild() {
        assertThatThrownBy(() -> HttpGateway.builder("ftp://x")).hasMessageContaining("must start with http");
        assertThatThrownBy(() -> HttpGateway.builder(base() + "?p=${phone}"))
                .hasMessageContaining("unknown placeholder ${phone}");
        assertThatThrownBy(() -> HttpGateway.builder(base()).providerIdPattern("BizId"))
                .hasMessageContaining("capturing group");
        assertThatThrownBy(() -> HttpGateway.builder(base()).header("X-A", "a\r\nb")).hasMessageContaining("line break");
        assertThatThrownBy(() -> HttpGateway.builder(base()).acceptedWhen("(")).hasMessageContaining("not a valid regex");
    }
}
