package io.irisx.temporal;

import com.uber.m3.tally.NoopScope;
import com.uber.m3.tally.Scope;
import io.grpc.ClientInterceptor;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.ServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One gRPC connection to Temporal (plain, TLS, mutual TLS or with a Temporal Cloud API key), the
 * workflow client over it and the operator service beside it; closed with the process. The client
 * carries the {@link LogContext} propagator, so a call's log context crosses into its workflow and
 * activities, and reports the SDK's metrics to the given scope.
 */
public final class TemporalConnection implements AutoCloseable {
  private final TemporalSettings settings;
  private final WorkflowServiceStubs service;
  private final WorkflowClient client;
  private final OperatorServiceStubs operator;

  private TemporalConnection(
      TemporalSettings settings,
      WorkflowServiceStubs service,
      WorkflowClient client,
      OperatorServiceStubs operator) {
    this.settings = settings;
    this.service = service;
    this.client = client;
    this.operator = operator;
  }

  public static TemporalConnection open(TemporalSettings settings) {
    return open(settings, new NoopScope());
  }

  /**
   * Connects (waiting up to 30 s for the server) with the SDK's metrics reported to {@code
   * metrics}.
   */
  public static TemporalConnection open(TemporalSettings settings, Scope metrics) {
    return open(settings, metrics, List.of());
  }

  /**
   * As {@link #open(TemporalSettings, Scope)}, with gRPC interceptors on the workflow service's
   * calls (the API's tells whether a start request ever left for the server).
   */
  public static TemporalConnection open(
      TemporalSettings settings, Scope metrics, List<ClientInterceptor> interceptors) {
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newConnectedServiceStubs(
            secured(WorkflowServiceStubsOptions.newBuilder(), settings)
                .setMetricsScope(metrics)
                .setGrpcClientInterceptors(interceptors)
                .build(),
            Duration.ofSeconds(30));
    WorkflowClient client =
        WorkflowClient.newInstance(
            service,
            WorkflowClientOptions.newBuilder()
                .setNamespace(settings.namespace())
                .setContextPropagators(List.of(new LogContext()))
                .build());
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            secured(OperatorServiceStubsOptions.newBuilder(), settings)
                .setMetricsScope(metrics)
                .validateAndBuildWithDefaults());
    return new TemporalConnection(settings, service, client, operator);
  }

  /**
   * Registers the namespace and IRISX's search attributes where missing; see {@link
   * NamespaceSetup}.
   */
  public NamespaceSetup.Outcome ensureNamespace() {
    return new NamespaceSetup(service, operator, settings).ensure();
  }

  public WorkflowServiceStubs service() {
    return service;
  }

  public WorkflowClient client() {
    return client;
  }

  public OperatorServiceStubs operator() {
    return operator;
  }

  public TemporalSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    operator.shutdown();
    service.shutdown();
    service.awaitTermination(5, TimeUnit.SECONDS);
    operator.awaitTermination(1, TimeUnit.SECONDS);
  }

  private static <B extends ServiceStubsOptions.Builder<B>> B secured(
      B builder, TemporalSettings settings) {
    builder.setTarget(settings.target());
    if (settings.apiKey() != null) {
      String key = settings.apiKey();
      builder.addApiKey(() -> key);
    }
    if (settings.usesTls()) {
      builder.setEnableHttps(true);
      TemporalTls tls = settings.tls();
      if (tls != null && (tls.mutual() || TemporalTls.present(tls.caCertFile()))) {
        builder.setSslContext(sslContext(tls));
      }
      if (tls != null && TemporalTls.present(tls.serverName())) {
        String authority = tls.serverName();
        builder.setChannelInitializer(channel -> channel.overrideAuthority(authority));
      }
    }
    return builder;
  }

  private static SslContext sslContext(TemporalTls tls) {
    try {
      SslContextBuilder builder = GrpcSslContexts.forClient();
      if (tls.mutual()) {
        if (!TemporalTls.present(tls.clientCertFile())
            || !TemporalTls.present(tls.clientKeyFile())) {
          throw new IllegalArgumentException(
              "temporal.tls needs both clientCertFile and clientKeyFile for mutual TLS");
        }
        builder.keyManager(new File(tls.clientCertFile()), new File(tls.clientKeyFile()));
      }
      if (TemporalTls.present(tls.caCertFile())) {
        builder.trustManager(new File(tls.caCertFile()));
      }
      return builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Temporal TLS files", e);
    }
  }
}
