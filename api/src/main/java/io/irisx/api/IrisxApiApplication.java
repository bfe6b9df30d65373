package io.irisx.api;

import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthFilter;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.migrations.MigrationsBundle;
import io.irisx.api.auth.ApiKeyAuthenticator;
import io.irisx.api.auth.ApiKeyIssuer;
import io.irisx.api.auth.ApiKeys;
import io.irisx.api.auth.AuthenticatedTenant;
import io.irisx.api.auth.OperatorAuthFilter;
import io.irisx.api.auth.ProblemUnauthorizedHandler;
import io.irisx.api.auth.ReadOnlyScopeFilter;
import io.irisx.api.calls.CallController;
import io.irisx.api.calls.CallStarter;
import io.irisx.api.calls.CallWorkflowStart;
import io.irisx.api.calls.RequestSentTracker;
import io.irisx.api.cli.CreateAdminCommand;
import io.irisx.api.cli.CreateTenantCommand;
import io.irisx.api.console.Accounts;
import io.irisx.api.console.AdminTenantUsersResource;
import io.irisx.api.console.ApiKeyOrSessionFilter;
import io.irisx.api.console.CallerViews;
import io.irisx.api.console.ConsoleAssetServlet;
import io.irisx.api.console.ConsoleRoleFilter;
import io.irisx.api.console.ConsoleSettings;
import io.irisx.api.console.InvitationsResource;
import io.irisx.api.console.LoginThrottle;
import io.irisx.api.console.PasswordHasher;
import io.irisx.api.console.SessionAuthenticator;
import io.irisx.api.console.SessionCookieAuthFilter;
import io.irisx.api.console.SessionCookies;
import io.irisx.api.console.SessionEndedHandler;
import io.irisx.api.console.SessionResource;
import io.irisx.api.console.SessionStarter;
import io.irisx.api.console.SessionTokens;
import io.irisx.api.console.StatsResource;
import io.irisx.api.console.UsersResource;
import io.irisx.api.errors.JettyProblemErrorHandler;
import io.irisx.api.errors.JsonProcessingExceptionMapper;
import io.irisx.api.errors.ProblemExceptionMapper;
import io.irisx.api.errors.UnhandledExceptionMapper;
import io.irisx.api.errors.WebApplicationExceptionMapper;
import io.irisx.api.idempotency.ExpiredIdempotencyKeys;
import io.irisx.api.idempotency.IdempotencyFilter;
import io.irisx.api.limits.CallAdmissionGate;
import io.irisx.api.limits.KeyRateLimiter;
import io.irisx.api.limits.RateLimitFilter;
import io.irisx.api.limits.RedisClients;
import io.irisx.api.openapi.AllowedMethods;
import io.irisx.api.openapi.ApiRoutes;
import io.irisx.api.ops.ApiDrain;
import io.irisx.api.ops.RequestMetrics;
import io.irisx.api.requests.FlowParamsValidator;
import io.irisx.api.requests.RequestBodyLimit;
import io.irisx.api.requests.StrictJson;
import io.irisx.api.resources.AdminTenantLimitsResource;
import io.irisx.api.resources.AdminTenantsResource;
import io.irisx.api.resources.ApiKeysResource;
import io.irisx.api.resources.CallControlResource;
import io.irisx.api.resources.CallsResource;
import io.irisx.api.resources.ContactsResource;
import io.irisx.api.resources.OpenApiResource;
import io.irisx.api.resources.PhoneNumbersResource;
import io.irisx.db.ApiKeyDao;
import io.irisx.db.CallDao;
import io.irisx.db.IdempotencyDao;
import io.irisx.db.Jdbis;
import io.irisx.db.Migrations;
import io.irisx.db.TenantDao;
import io.irisx.db.console.CallStatsDao;
import io.irisx.db.console.LoginFailureDao;
import io.irisx.db.console.SessionDao;
import io.irisx.db.console.UserDao;
import io.irisx.temporal.TemporalConnection;
import io.irisx.temporal.ops.ProcessMetrics;
import io.irisx.temporal.ops.QuietRequestLog;
import io.irisx.temporal.ops.Readiness;
import io.irisx.temporal.ops.RedisHealthCheck;
import io.irisx.temporal.ops.TemporalHealthCheck;
import io.irisx.workflows.flow.CallFlows;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.jdbi.v3.core.Jdbi;
import org.redisson.api.RedissonClient;

/** The IRISX REST API: authenticates, validates, starts call workflows, reads calls. */
public class IrisxApiApplication extends Application<IrisxApiConfiguration> {
  static final String REALM = "irisx";

  public static void main(String[] args) throws Exception {
    new IrisxApiApplication().run(args);
  }

  @Override
  public String getName() {
    return "irisx-api";
  }

  @Override
  public void initialize(Bootstrap<IrisxApiConfiguration> bootstrap) {
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    bootstrap.addBundle(
        new MigrationsBundle<IrisxApiConfiguration>() {
          @Override
          public DataSourceFactory getDataSourceFactory(IrisxApiConfiguration configuration) {
            return configuration.getDatabase();
          }

          @Override
          public String getMigrationsFileName() {
            return Migrations.CHANGELOG;
          }
        });
    bootstrap.addCommand(new CreateTenantCommand());
    bootstrap.addCommand(new CreateAdminCommand());
  }

  @Override
  public void run(IrisxApiConfiguration configuration, Environment environment) {
    // Every error is a problem document, whatever the YAML says: our mappers replace Dropwizard's.
    if (configuration.getServerFactory() instanceof AbstractServerFactory server) {
      server.setRegisterDefaultExceptionMappers(false);
    }
    Clock clock = Clock.systemUTC();
    environment.lifecycle().addEventListener(new QuietRequestLog());
    // After the quiet one, which looks for logback's own request log.
    environment
        .lifecycle()
        .addEventListener(new io.irisx.api.ops.MaskedQueryRequestLog.Installer());

    Jdbi jdbi = new JdbiFactory().build(environment, configuration.getDatabase(), "postgresql");
    Jdbis.configure(jdbi);
    CallDao calls = jdbi.onDemand(CallDao.class);

    // Prometheus at /metrics and readiness at /ready on the admin port (see docs/operations.md).
    ProcessMetrics metrics = new ProcessMetrics(environment.metrics());
    environment.lifecycle().manage(onStop(metrics::close));
    environment.admin().addServlet("prometheus", metrics.servlet()).addMapping("/metrics");
    environment.jersey().register(new RequestMetrics(metrics.registry()));

    TemporalConnection temporal =
        TemporalConnection.open(
            configuration.getTemporal(),
            metrics.temporalScope(),
            List.of(new RequestSentTracker()));
    environment.lifecycle().manage(closing(temporal));
    temporal.ensureNamespace();
    TemporalHealthCheck temporalHealth = new TemporalHealthCheck(temporal.service());
    environment.healthChecks().register("temporal", temporalHealth);
    Readiness readiness =
        new Readiness()
            .require(
                "temporal",
                () -> temporalHealth.execute().isHealthy() ? null : "Temporal does not answer");
    environment.admin().addServlet("readiness", readiness.servlet()).addMapping("/ready");
    environment.lifecycle().addEventListener(new ApiDrain(readiness, configuration.getShutdown()));
    ScheduledExecutorService deadlines =
        environment.lifecycle().scheduledExecutorService("temporal-deadlines").threads(1).build();

    StrictJson.apply(environment.getObjectMapper());
    environment.jersey().register(new RequestBodyLimit());
    environment.jersey().register(new ProblemExceptionMapper());
    environment.jersey().register(new WebApplicationExceptionMapper());
    environment.jersey().register(new JsonProcessingExceptionMapper());
    environment.jersey().register(new UnhandledExceptionMapper());
    installJettyProblems(environment);
    environment.jersey().register(new io.irisx.api.representations.EscapedSurrogatePairs());

    // An API key (Authorization: Bearer) or, without one, the console's session cookie.
    ConsoleSettings console = configuration.getConsole();
    // The key only from the Authorization header (never ?access_token=), failures throttled.
    environment
        .servlets()
        .addFilter("client-address", new io.irisx.api.auth.ClientAddress.RecordingFilter())
        .addMappingForUrlPatterns(
            java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST), true, "/*");
    io.irisx.api.auth.FailedAuthenticationThrottle failedKeys =
        new io.irisx.api.auth.FailedAuthenticationThrottle(clock);
    AuthFilter<String, AuthenticatedTenant> apiKeyFilter =
        new io.irisx.api.auth.BearerKeyFilter.Builder(failedKeys)
            .setAuthenticator(new ApiKeyAuthenticator(jdbi.onDemand(ApiKeyDao.class), clock))
            .setPrefix("Bearer")
            .setRealm(REALM)
            .setUnauthorizedHandler(new ProblemUnauthorizedHandler())
            .buildAuthFilter();
    AuthFilter<String, AuthenticatedTenant> sessionFilter =
        new SessionCookieAuthFilter.Builder()
            .setAuthenticator(
                new SessionAuthenticator(jdbi.onDemand(SessionDao.class), console, clock))
            .setPrefix("Bearer")
            .setRealm(REALM)
            .setUnauthorizedHandler(new SessionEndedHandler())
            .buildAuthFilter();
    environment
        .jersey()
        .register(new AuthDynamicFeature(new ApiKeyOrSessionFilter(apiKeyFilter, sessionFilter)));
    environment.jersey().register(new AuthValueFactoryProvider.Binder<>(AuthenticatedTenant.class));
    environment.jersey().register(new ConsoleRoleFilter());

    RateLimitSettings rateLimit = configuration.getRateLimit();
    RedissonClient redis = rateLimit.usesRedis() ? RedisClients.create(rateLimit) : null;
    if (redis != null) {
      environment.lifecycle().manage(onStop(redis::shutdown));
      environment
          .healthChecks()
          .register("redis", new RedisHealthCheck(redis, "rate limits fall back"));
    } else {
      org.slf4j.LoggerFactory.getLogger(IrisxApiApplication.class)
          .warn(
              "no rateLimit.redisAddress: tenant call limits are OFF (calls are never queued or refused)");
    }
    CallAdmissionGate gate =
        redis == null ? null : new CallAdmissionGate(redis, configuration.getCallLimits());

    CallFlows flows = CallFlows.shipped();
    io.irisx.workflows.webhook.WebhookUrlPolicy urlPolicy =
        new io.irisx.workflows.webhook.WebhookUrlPolicy(configuration.getWebhooks());
    FlowParamsValidator paramsValidator = new FlowParamsValidator(flows, urlPolicy);
    CallStarter starter =
        new CallStarter(
            calls,
            new CallWorkflowStart(
                temporal.client(),
                Duration.ofSeconds(configuration.getCalls().getStartTimeoutSeconds()),
                Duration.ofSeconds(configuration.getCalls().getStartConfirmSeconds()),
                deadlines),
            flows,
            configuration.getCalls(),
            clock,
            gate,
            jdbi.onDemand(TenantDao.class),
            paramsValidator,
            new io.irisx.workflows.webhook.WebhookUrlPolicy(configuration.getWebhooks()));
    CallController controller = new CallController(calls, temporal.client(), deadlines);
    new io.irisx.api.calls.NeverStartedCalls(calls, temporal.client(), clock)
        .scheduleOn(
            environment
                .lifecycle()
                .scheduledExecutorService("never-started-calls")
                .threads(1)
                .build());
    environment.jersey().register(new CallsResource(starter, calls, controller));
    environment
        .jersey()
        .register(new CallControlResource(controller, flows, urlPolicy, paramsValidator));

    // Operator endpoints (operator key), tenants' keys, numbers and contacts; the scope and
    // idempotency filters cover every resource, present and future.
    environment
        .jersey()
        .register(new OperatorAuthFilter(configuration.getOperator().getKey(), failedKeys));
    environment.jersey().register(new ReadOnlyScopeFilter());
    IdempotencyDao idempotency = jdbi.onDemand(IdempotencyDao.class);
    environment
        .jersey()
        .register(new IdempotencyFilter(idempotency, configuration.getIdempotency(), clock));
    new ExpiredIdempotencyKeys(idempotency, clock)
        .scheduleOn(
            environment
                .lifecycle()
                .scheduledExecutorService("idempotency-purge")
                .threads(1)
                .build());
    environment
        .jersey()
        .register(
            new RateLimitFilter(
                new KeyRateLimiter(rateLimit, redis, clock), rateLimit.getRequestsPerSecond()));
    ApiKeyIssuer issuer = new ApiKeyIssuer(new ApiKeys(new SecureRandom()), clock);
    environment.jersey().register(new AdminTenantsResource(jdbi, issuer));
    environment
        .jersey()
        .register(new AdminTenantLimitsResource(jdbi, configuration.getCallLimits()));
    environment
        .jersey()
        .register(new ApiKeysResource(jdbi.onDemand(ApiKeyDao.class), issuer, clock));
    environment.jersey().register(new PhoneNumbersResource(jdbi, flows, paramsValidator, clock));
    environment.jersey().register(new ContactsResource(jdbi, clock));
    io.irisx.api.webhooks.WebhookResources.register(
        environment.jersey(), jdbi, temporal.client(), configuration.getWebhooks(), clock);
    registerRecords(configuration, environment, jdbi, clock);
    registerConsole(configuration, environment, jdbi, clock);
    environment.jersey().register(new OpenApiResource(environment.jersey().getResourceConfig()));
  }

  /**
   * The console: its log-in, sessions and users, the operator's first admin, and the single-page
   * app itself at {@code /console/}.
   */
  private static void registerConsole(
      IrisxApiConfiguration configuration, Environment environment, Jdbi jdbi, Clock clock) {
    ConsoleSettings console = configuration.getConsole();
    SecureRandom random = new SecureRandom();
    PasswordHasher hasher = new PasswordHasher(random);
    SessionTokens tokens = new SessionTokens(random);
    SessionCookies cookies = new SessionCookies(console.isSecureCookies());
    UserDao users = jdbi.onDemand(UserDao.class);
    SessionDao sessions = jdbi.onDemand(SessionDao.class);
    TenantDao tenants = jdbi.onDemand(TenantDao.class);
    CallerViews callers =
        new CallerViews(tenants, console, configuration.getTemporal().namespace());
    SessionStarter starter =
        new SessionStarter(sessions, users, callers, tokens, cookies, console, clock);
    LoginThrottle throttle =
        new LoginThrottle(jdbi.onDemand(LoginFailureDao.class), console, clock);
    Accounts accounts = new Accounts(users, hasher, tokens, console, clock);
    environment
        .jersey()
        .register(
            new SessionResource(
                users, sessions, hasher, throttle, starter, callers, cookies, clock));
    environment.jersey().register(new InvitationsResource(users, tenants, hasher, starter, clock));
    environment
        .jersey()
        .register(new UsersResource(users, sessions, accounts, console.getPublicUrl(), clock));
    environment
        .jersey()
        .register(new AdminTenantUsersResource(tenants, accounts, console.getPublicUrl()));
    environment.jersey().register(new StatsResource(jdbi.onDemand(CallStatsDao.class), clock));
    environment
        .lifecycle()
        .scheduledExecutorService("console-purge")
        .threads(1)
        .build()
        .scheduleWithFixedDelay(
            () -> {
              try {
                throttle.purge();
                sessions.purgeEndedBefore(clock.instant().minus(java.time.Duration.ofDays(30)));
              } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(IrisxApiApplication.class)
                    .warn("could not purge old console sessions and log-in failures", e);
              }
            },
            1,
            60,
            java.util.concurrent.TimeUnit.MINUTES);
    environment
        .servlets()
        .addServlet("console", new ConsoleAssetServlet())
        .addMapping("/console", "/console/*");
  }

  /** Call timelines, recordings (presigned downloads, deletes) and the CDR export. */
  private static void registerRecords(
      IrisxApiConfiguration configuration, Environment environment, Jdbi jdbi, Clock clock) {
    io.irisx.api.recordings.RecordingStorageSettings settings = configuration.getRecordings();
    io.irisx.api.recordings.RecordingObjects objects =
        settings == null ? null : io.irisx.api.recordings.RecordingObjects.of(settings);
    if (objects != null) {
      environment.lifecycle().manage(onStop(objects::close));
    }
    io.irisx.api.resources.RecordingsResource recordings =
        new io.irisx.api.resources.RecordingsResource(
            jdbi,
            objects,
            java.time.Duration.ofSeconds(settings == null ? 3600 : settings.getUrlExpirySeconds()),
            clock);
    environment.jersey().register(recordings);
    environment
        .jersey()
        .register(new io.irisx.api.resources.CallRecordsResource(jdbi, recordings, clock));
  }

  /**
   * Jetty's own errors (a malformed path, a method refused before routing) as problem documents
   * too, in the application's context and at the server's level, where Jetty rejects a request
   * before any context sees it.
   */
  private static void installJettyProblems(Environment environment) {
    JettyProblemErrorHandler handler =
        new JettyProblemErrorHandler(
            new AllowedMethods(() -> ApiRoutes.of(environment.jersey().getResourceConfig())));
    environment.getApplicationContext().setErrorHandler(handler);
    environment
        .lifecycle()
        .addEventListener(
            new LifeCycle.Listener() {
              @Override
              public void lifeCycleStarting(LifeCycle event) {
                if (event instanceof Server server) {
                  server.setErrorHandler(handler);
                }
              }
            });
  }

  private static Managed onStop(Runnable stop) {
    return new Managed() {
      @Override
      public void stop() {
        stop.run();
      }
    };
  }

  private static Managed closing(TemporalConnection connection) {
    return new Managed() {
      @Override
      public void stop() {
        connection.close();
      }
    };
  }
}
