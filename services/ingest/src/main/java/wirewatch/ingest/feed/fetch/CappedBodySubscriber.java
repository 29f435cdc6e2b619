package wirewatch.ingest.feed.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into memory up to a cap. A body declared larger than the cap is refused before
 * any of it is read, and one that grows past the cap is abandoned (the subscription cancelled, which makes
 * the client drop the connection) as soon as it does.
 */
final class CappedBodySubscriber implements BodySubscriber<byte[]> {

    private final long maxBytes;
    private final long declaredLength;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    /** @param declaredLength the {@code Content-Length}, or -1 when the server did not send one */
    CappedBodySubscriber(long maxBytes, long declaredLength) {
        this.maxBytes = maxBytes;
        this.declaredLength = declaredLength;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (declaredLength > maxBytes) {
            subscription.cancel();
            result.completeExceptionally(new TooLarge("document of " + declaredLength
                    + " bytes (Content-Length) is larger than the limit of " + maxBytes + " bytes"));
            return;
        }
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (var buffer : buffers) {
            if (body.size() + (long) buffer.remaining() > maxBytes) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge("document larger than the limit of " + maxBytes + " bytes"));
                return;
            }
            var bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            body.writeBytes(bytes);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(body.toByteArray());
    }

    /** The body is over the cap. */
    static final class TooLarge extends IOException {

        TooLarge(String message) {
            super(message);
        }
    }
}
