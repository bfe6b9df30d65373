package io.irisx.api.calls;

import io.grpc.Attributes;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientStreamTracer;
import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells whether a request may have reached Temporal. A failed start is only ambiguous if a gRPC
 * stream was opened on a connection for it (by any of the SDK's attempts): one that never got a
 * connection (the server down, its port closed) surely started nothing, and the call can be marked
 * failed at once. A stream opened counts as sent, though its bytes may not have left: the doubt is
 * on the side of asking Temporal.
 */
public final class RequestSentTracker implements ClientInterceptor {
  private static final Context.Key<AtomicBoolean> SENT = Context.key("irisx-request-sent");

  /** One request's watch: run it within {@link #within}, then ask {@link #mayHaveArrived}. */
  static final class Watch {
    private final AtomicBoolean sent = new AtomicBoolean();

    Context within(Context context) {
      return context.withValue(SENT, sent);
    }

    /** Whether a stream was opened on a connection for any call made within this watch. */
    boolean mayHaveArrived() {
      return sent.get();
    }
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    AtomicBoolean sent = SENT.get();
    if (sent == null) {
      return next.newCall(method, options);
    }
    return next.newCall(method, options.withStreamTracerFactory(new Marking(sent)));
  }

  private static final class Marking extends ClientStreamTracer.Factory {
    private final AtomicBoolean sent;

    Marking(AtomicBoolean sent) {
      this.sent = sent;
    }

    @Override
    public ClientStreamTracer newClientStreamTracer(
        ClientStreamTracer.StreamInfo info, Metadata headers) {
      return new ClientStreamTracer() {
        @Override
        public void streamCreated(Attributes transportAttributes, Metadata headers) {
          sent.set(true); // on a connection: from here on the server may see the request
        }
      };
    }
  }
}
