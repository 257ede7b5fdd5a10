package io.offsite.notify;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a byte cap; past the cap it cancels the stream and fails with
 * {@link TooLarge}, so an endless (e.g. chunked) answer cannot fill the heap.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int cap;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private byte[] buf = new byte[256];
    private int size;
    private Flow.Subscription subscription;

    CappedBody(int cap) {
        this.cap = cap;
    }

    /** The body went past the cap. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(int cap) {
            super("response body larger than " + cap + " bytes (maxResponseBytes)");
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            int n = b.remaining();
            if (n > cap - size) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge(cap));
                return;
            }
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.min(cap, Math.max(size + n, buf.length * 2)));
            }
            b.get(buf, size, n);
            size += n;
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(Arrays.copyOf(buf, size));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }
}
