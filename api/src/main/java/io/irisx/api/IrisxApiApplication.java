package io.irisx.api;

import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
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
import io.irisx.api.auth.AuthenticatedTenant;
import io.irisx.api.auth.ProblemUnauthorizedHandler;
import io.irisx.api.calls.CallStarter;
import io.irisx.api.cli.CreateTenantCommand;
import io.irisx.api.errors.JsonProcessingExceptionMapper;
import io.irisx.api.errors.ProblemExceptionMapper;
import io.irisx.api.errors.UnhandledExceptionMapper;
import io.irisx.api.errors.WebApplicationExceptionMapper;
import io.irisx.api.health.TemporalHealthCheck;
import io.irisx.api.resources.CallsResource;
import io.irisx.db.ApiKeyDao;
import io.irisx.db.CallDao;
import io.irisx.db.Jdbis;
import io.irisx.db.Migrations;
import io.irisx.temporal.TemporalConnection;
import io.irisx.workflows.flow.CallFlows;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import org.jdbi.v3.core.Jdbi;

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
  }

  @Override
  public void run(IrisxApiConfiguration configuration, Environment environment) {
    // Every error is a problem document, whatever the YAML says: our mappers replace Dropwizard's.
    if (configuration.getServerFactory() instanceof AbstractServerFactory server) {
      server.setRegisterDefaultExceptionMappers(false);
    }
    Clock clock = Clock.systemUTC();

    Jdbi jdbi = new JdbiFactory().build(environment, configuration.getDatabase(), "postgresql");
    Jdbis.configure(jdbi);
    CallDao calls = jdbi.onDemand(CallDao.class);

    TemporalConnection temporal = TemporalConnection.open(configuration.getTemporal());
    environment.lifecycle().manage(closing(temporal));
    environment.healthChecks().register("temporal", new TemporalHealthCheck(temporal.service()));
    ScheduledExecutorService deadlines =
        environment.lifecycle().scheduledExecutorService("temporal-deadlines").threads(1).build();

    environment.jersey().register(new ProblemExceptionMapper());
    environment.jersey().register(new WebApplicationExceptionMapper());
    environment.jersey().register(new JsonProcessingExceptionMapper());
    environment.jersey().register(new UnhandledExceptionMapper());

    environment.jersey().register(
        new AuthDynamicFeature(
            new OAuthCredentialAuthFilter.Builder<AuthenticatedTenant>()
                .setAuthenticator(new ApiKeyAuthenticator(jdbi.onDemand(ApiKeyDao.class), clock))
                .setPrefix("Bearer")
                .setRealm(REALM)
                .setUnauthorizedHandler(new ProblemUnauthorizedHandler())
                .buildAuthFilter()));
    environment.jersey().register(new AuthValueFactoryProvider.Binder<>(AuthenticatedTenant.class));

    CallStarter starter =
        new CallStarter(
            calls, temporal.client(), CallFlows.shipped(), configuration.getCalls(), deadlines, clock);
    environment.jersey().register(new CallsResource(starter, calls));
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
