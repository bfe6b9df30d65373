package io.irisx.api;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.auth.ProvisionedTenant;
import io.irisx.api.auth.TenantProvisioner;
import io.irisx.db.CallDao;
import io.irisx.db.Jdbis;
import io.irisx.db.Migrations;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the API runs against in tests, all real and per test class: an embedded PostgreSQL with the
 * IRISX schema and an in-process Temporal server bound to a TCP port. Register it before the {@link
 * #app() app extension} (lower {@code @Order}), so it starts first and stops last.
 */
public final class ApiTestStack implements BeforeAllCallback, AfterAllCallback {
  private EmbeddedPostgres postgres;
  private Jdbi jdbi;
  private int temporalPort;
  private TestServer.PortBoundTestServer temporalServer;
  private WorkflowServiceStubs temporalService;
  private WorkflowClient temporalClient;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    postgres = EmbeddedPostgres.start();
    Migrations.apply(dataSource());
    jdbi = Jdbis.create(dataSource());
    temporalPort = freePort();
    temporalServer = TestServer.createPortBoundServer(temporalPort, false);
    temporalService =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporalTarget()).build());
    temporalClient = WorkflowClient.newInstance(temporalService);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (temporalService != null) {
      temporalService.shutdownNow();
    }
    stopTemporal();
    if (postgres != null) {
      postgres.close();
    }
  }

  /** The operator key in {@code test-api.yml}. */
  public static final String OPERATOR_KEY = "test-operator-key-0123456789abcdefghijklmnop";

  /** The API on random ports against this stack. */
  public DropwizardAppExtension<IrisxApiConfiguration> app() {
    return app(new ConfigOverride[0]);
  }

  /** The API on random ports against this stack, with more configuration overrides. */
  public DropwizardAppExtension<IrisxApiConfiguration> app(ConfigOverride... overrides) {
    return appWith("test-api.yml", overrides);
  }

  /** The API with another test configuration file from the test resources. */
  public DropwizardAppExtension<IrisxApiConfiguration> appWith(
      String configResource, ConfigOverride... overrides) {
    return appWith(configResource, this::temporalTarget, overrides);
  }

  /**
   * The API reaching Temporal at another target (a proxy in front of this stack's server, another
   * server); an override of {@code temporal.target} among the others would not take.
   */
  public DropwizardAppExtension<IrisxApiConfiguration> appWith(
      String configResource, Supplier<String> temporalTarget, ConfigOverride... overrides) {
    ConfigOverride[] all = new ConfigOverride[overrides.length + 2];
    all[0] = ConfigOverride.config("database.url", this::jdbcUrl);
    all[1] = ConfigOverride.config("temporal.target", temporalTarget);
    System.arraycopy(overrides, 0, all, 2, overrides.length);
    return new DropwizardAppExtension<>(
        IrisxApiApplication.class, ResourceHelpers.resourceFilePath(configResource), all);
  }

  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  public String temporalTarget() {
    return "127.0.0.1:" + temporalPort;
  }

  /** The in-process Temporal server's port (known once the stack has started). */
  public int temporalPort() {
    return temporalPort;
  }

  public DataSource dataSource() {
    return postgres.getPostgresDatabase();
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public CallDao calls() {
    return jdbi.onDemand(CallDao.class);
  }

  public ProvisionedTenant newTenant() {
    return new TenantProvisioner(jdbi).provision("tenant " + UUID.randomUUID());
  }

  public int callCount(UUID tenantId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT count(*) FROM calls WHERE tenant_id = :tenantId")
                .bind("tenantId", tenantId)
                .mapTo(Integer.class)
                .one());
  }

  /** The number a {@code SELECT count(*) ...} with positional ({@code ?}) arguments gives. */
  public int count(String sql, Object... args) {
    return jdbi.withHandle(h -> h.select(sql, args).mapTo(Integer.class).one());
  }

  public WorkflowClient temporalClient() {
    return temporalClient;
  }

  public DescribeWorkflowExecutionResponse describeWorkflow(String workflowId) {
    return temporalService
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace("default")
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                .build());
  }

  public int openWorkflowCount() {
    return temporalService
        .blockingStub()
        .listOpenWorkflowExecutions(
            ListOpenWorkflowExecutionsRequest.newBuilder()
                .setNamespace("default")
                .setMaximumPageSize(1000)
                .build())
        .getExecutionsCount();
  }

  /** Takes PostgreSQL away, as an outage would; the API keeps running. */
  public void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
      postgres = null;
    }
  }

  /** Takes Temporal away, as an outage would; the API keeps running. */
  public void stopTemporal() {
    if (temporalServer != null) {
      temporalServer.close();
      temporalServer = null;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
