package io.irisx.temporal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.namespace.v1.NamespaceConfig;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesResponse;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.DescribeNamespaceResponse;
import io.temporal.api.workflowservice.v1.RegisterNamespaceRequest;
import io.temporal.api.workflowservice.v1.UpdateNamespaceRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure, at every start of the API and the worker, that the namespace exists with the
 * configured retention and that {@link SearchAttributeCatalogue IRISX's search attributes} are
 * registered in it. Idempotent: what is already there is left alone; several processes starting at
 * once are harmless (a concurrent registration is "already exists", which is success).
 *
 * <p>Works against the three servers IRISX meets: the in-process test server (no namespace
 * registration and no search-attribute listing: it is told to add them and "already exists" is
 * fine), the {@code temporal} CLI dev server and a self-hosted cluster (full operator service).
 * With {@code manageNamespace: false} (Temporal Cloud, where an API key may not administer the
 * namespace) nothing is changed: the attributes are only checked, and a missing one stops the
 * start-up with the command that adds it, because a workflow that upserts an unregistered attribute
 * fails its workflow task over and over.
 */
public final class NamespaceSetup {
  private static final Logger log = LoggerFactory.getLogger(NamespaceSetup.class);
  private static final Duration PROPAGATION_WAIT = Duration.ofSeconds(60);

  private final WorkflowServiceStubs service;
  private final OperatorServiceStubs operator;
  private final TemporalSettings settings;

  public NamespaceSetup(
      WorkflowServiceStubs service, OperatorServiceStubs operator, TemporalSettings settings) {
    this.service = service;
    this.operator = operator;
    this.settings = settings;
  }

  /** What start-up found and did, for the log and for tests. */
  public record Outcome(boolean namespaceCreated, Map<String, IndexedValueType> attributesAdded) {}

  public Outcome ensure() {
    boolean created = settings.manageNamespace() && ensureNamespace();
    Map<String, IndexedValueType> added = ensureSearchAttributes();
    log.info(
        "Temporal namespace {} ready (retention {} days{}); search attributes {}",
        settings.namespace(),
        settings.retentionDays(),
        created ? ", created now" : "",
        added.isEmpty() ? "all registered" : "added " + added.keySet());
    return new Outcome(created, added);
  }

  /** True when the namespace was registered now. */
  private boolean ensureNamespace() {
    Optional<DescribeNamespaceResponse> existing = describe();
    com.google.protobuf.Duration retention =
        com.google.protobuf.Duration.newBuilder()
            .setSeconds(settings.retention().toSeconds())
            .build();
    if (existing.isEmpty()) {
      try {
        service
            .blockingStub()
            .registerNamespace(
                RegisterNamespaceRequest.newBuilder()
                    .setNamespace(settings.namespace())
                    .setDescription("IRISX calls and webhook deliveries")
                    .setWorkflowExecutionRetentionPeriod(retention)
                    .build());
        awaitNamespace();
        return true;
      } catch (StatusRuntimeException e) {
        if (is(e, Status.Code.ALREADY_EXISTS)) {
          return false; // another replica was quicker
        }
        if (is(e, Status.Code.UNIMPLEMENTED) || is(e, Status.Code.PERMISSION_DENIED)) {
          log.warn(
              "cannot register the Temporal namespace {} ({}); create it by hand",
              settings.namespace(),
              e.getStatus());
          return false;
        }
        throw new IllegalStateException(
            "cannot register the Temporal namespace " + settings.namespace() + ": " + e.getStatus(),
            e);
      }
    }
    NamespaceConfig config = existing.get().getConfig();
    if (config.hasWorkflowExecutionRetentionTtl()
        && config.getWorkflowExecutionRetentionTtl().getSeconds() != retention.getSeconds()) {
      try {
        service
            .blockingStub()
            .updateNamespace(
                UpdateNamespaceRequest.newBuilder()
                    .setNamespace(settings.namespace())
                    .setConfig(
                        NamespaceConfig.newBuilder().setWorkflowExecutionRetentionTtl(retention))
                    .build());
        log.info(
            "Temporal namespace {}: retention set to {} days",
            settings.namespace(),
            settings.retentionDays());
      } catch (StatusRuntimeException e) {
        log.warn(
            "Temporal namespace {}: could not set the retention to {} days: {}",
            settings.namespace(),
            settings.retentionDays(),
            e.getStatus());
      }
    }
    return false;
  }

  private Optional<DescribeNamespaceResponse> describe() {
    try {
      return Optional.of(
          service
              .blockingStub()
              .describeNamespace(
                  DescribeNamespaceRequest.newBuilder()
                      .setNamespace(settings.namespace())
                      .build()));
    } catch (StatusRuntimeException e) {
      if (is(e, Status.Code.NOT_FOUND)) {
        return Optional.empty();
      }
      throw new IllegalStateException(
          "cannot describe the Temporal namespace " + settings.namespace() + ": " + e.getStatus(),
          e);
    }
  }

  private void awaitNamespace() {
    long deadline = System.nanoTime() + PROPAGATION_WAIT.toNanos();
    while (describe().isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the namespace " + settings.namespace() + " did not appear after registration");
      }
      sleep(Duration.ofMillis(250));
    }
  }

  private Map<String, IndexedValueType> ensureSearchAttributes() {
    Optional<Map<String, IndexedValueType>> known = listed();
    Map<String, IndexedValueType> missing = new LinkedHashMap<>();
    SearchAttributeCatalogue.registrations()
        .forEach(
            (name, type) -> {
              IndexedValueType has = known.map(k -> k.get(name)).orElse(null);
              if (has == null) {
                missing.put(name, type);
              } else if (has != type) {
                throw new IllegalStateException(
                    "search attribute "
                        + name
                        + " is registered in namespace "
                        + settings.namespace()
                        + " as "
                        + has
                        + " but IRISX needs "
                        + type
                        + "; remove it or use another namespace");
              }
            });
    if (missing.isEmpty()) {
      return missing;
    }
    if (!settings.manageNamespace()) {
      if (known.isEmpty()) {
        log.warn(
            "cannot list the search attributes of namespace {}; assuming IRISX's are registered: {}",
            settings.namespace(),
            SearchAttributeCatalogue.registrations().keySet());
        return Map.of();
      }
      StringBuilder command =
          new StringBuilder("tcld namespace search-attributes add --namespace ")
              .append(settings.namespace());
      missing.forEach((name, type) -> command.append(" --sa '").append(name).append("=Keyword'"));
      throw new IllegalStateException(
          "namespace "
              + settings.namespace()
              + " lacks IRISX's search attributes "
              + missing.keySet()
              + " and temporal.manageNamespace is false; add them first, e.g. "
              + command);
    }
    Map<String, IndexedValueType> added = new LinkedHashMap<>();
    missing.forEach(
        (name, type) -> {
          if (add(name, type)) {
            added.put(name, type);
          }
        });
    if (known.isPresent()) {
      awaitAttributes(missing);
    }
    return added;
  }

  /**
   * The namespace's custom attributes; empty when the server cannot list them (the test server).
   */
  private Optional<Map<String, IndexedValueType>> listed() {
    try {
      ListSearchAttributesResponse response =
          whileNamespacePropagates(
              () ->
                  operator
                      .blockingStub()
                      .listSearchAttributes(
                          ListSearchAttributesRequest.newBuilder()
                              .setNamespace(settings.namespace())
                              .build()));
      Map<String, IndexedValueType> all = new LinkedHashMap<>(response.getCustomAttributesMap());
      return Optional.of(all);
    } catch (StatusRuntimeException e) {
      if (is(e, Status.Code.UNIMPLEMENTED) || is(e, Status.Code.PERMISSION_DENIED)) {
        return Optional.empty();
      }
      throw new IllegalStateException(
          "cannot list the search attributes of namespace "
              + settings.namespace()
              + ": "
              + e.getStatus(),
          e);
    }
  }

  /** One at a time: on a server that cannot list them, one already there must not hide the rest. */
  private boolean add(String name, IndexedValueType type) {
    try {
      whileNamespacePropagates(
          () ->
              operator
                  .blockingStub()
                  .addSearchAttributes(
                      AddSearchAttributesRequest.newBuilder()
                          .setNamespace(settings.namespace())
                          .putSearchAttributes(name, type)
                          .build()));
      return true;
    } catch (StatusRuntimeException e) {
      if (is(e, Status.Code.ALREADY_EXISTS)) {
        return false;
      }
      throw new IllegalStateException(
          "cannot register search attribute "
              + name
              + " in namespace "
              + settings.namespace()
              + ": "
              + e.getStatus().getDescription(),
          e);
    }
  }

  private void awaitAttributes(Map<String, IndexedValueType> expected) {
    long deadline = System.nanoTime() + PROPAGATION_WAIT.toNanos();
    while (true) {
      Map<String, IndexedValueType> now = listed().orElse(expected);
      if (now.keySet().containsAll(expected.keySet())) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "search attributes " + expected.keySet() + " did not appear in time");
      }
      sleep(Duration.ofMillis(250));
    }
  }

  /**
   * A namespace registered a moment ago is in the database at once but in the frontends' namespace
   * caches only after their next refresh (about 10 s): until then they answer NOT_FOUND.
   */
  private <T> T whileNamespacePropagates(java.util.function.Supplier<T> call) {
    long deadline = System.nanoTime() + PROPAGATION_WAIT.toNanos();
    while (true) {
      try {
        return call.get();
      } catch (StatusRuntimeException e) {
        if (!is(e, Status.Code.NOT_FOUND) || System.nanoTime() > deadline) {
          throw e;
        }
        sleep(Duration.ofMillis(500));
      }
    }
  }

  private static boolean is(StatusRuntimeException e, Status.Code code) {
    return e.getStatus().getCode() == code;
  }

  private static void sleep(Duration duration) {
    try {
      TimeUnit.MILLISECONDS.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Temporal", e);
    }
  }
}
