package io.irisx.activities.webhook;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Keeps the first bytes of a response body and stops reading there: a receiver cannot make an
 * attempt read megabytes. The status is known as soon as the headers are, even if the body then
 * stalls.
 */
final class FirstBytes implements HttpResponse.BodyHandler<String> {
  private final int limit;
  private volatile int status = -1;

  FirstBytes(int limit) {
    this.limit = limit;
  }

  /** The response's status once its headers arrived; -1 before. */
  int status() {
    return status;
  }

  @Override
  public HttpResponse.BodySubscriber<String> apply(HttpResponse.ResponseInfo info) {
    status = info.statusCode();
    return new Subscriber();
  }

  private final class Subscriber implements HttpResponse.BodySubscriber<String> {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CompletableFuture<String> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    @Override
    public CompletionStage<String> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        int take = Math.min(buffer.remaining(), limit - kept.size());
        byte[] bytes = new byte[take];
        buffer.get(bytes);
        kept.write(bytes, 0, take);
      }
      if (kept.size() >= limit) {
        subscription.cancel();
        body.complete(text());
      } else {
        subscription.request(1);
      }
    }

    @Override
    public void onError(Throwable failure) {
      body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      body.complete(text());
    }

    private String text() {
      return new String(kept.toByteArray(), StandardCharsets.UTF_8);
    }
  }
}
