package io.irisx.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import io.irisx.api.IrisxApiApplication;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.auth.TenantProvisioner;
import io.irisx.db.Jdbis;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sourceforge.argparse4j.inf.Namespace;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db migrate} and {@code create-tenant} against an empty database, as an operator runs them.
 */
class CommandsTest {
  private static EmbeddedPostgres postgres;
  private static Path config;

  @BeforeAll
  static void emptyDatabase(@TempDir Path dir) throws Exception {
    postgres = EmbeddedPostgres.start();
    config = dir.resolve("api.yml");
    Files.writeString(
        config,
        """
        database:
          driverClass: org.postgresql.Driver
          url: %s
          user: postgres
          password: ""
        temporal:
          target: 127.0.0.1:1
        logging:
          level: WARN
        """
            .formatted(postgres.getJdbcUrl("postgres", "postgres")));
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  private static Optional<Throwable> run(String... args) {
    IrisxApiApplication application = new IrisxApiApplication();
    Bootstrap<IrisxApiConfiguration> bootstrap = new Bootstrap<>(application);
    application.initialize(bootstrap);
    return new Cli(new JarLocation(CommandsTest.class), bootstrap, System.out, System.err)
        .run(args);
  }

  @Test
  void dbMigrateCreatesTheSchemaThenCreateTenantMakesAWorkingKey() throws Exception {
    assertThat(run("db", "migrate", config.toString())).isEmpty();
    Jdbi jdbi = Jdbis.create(postgres.getPostgresDatabase());
    int tables =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('tenants', 'api_keys', 'calls', 'call_logs')")
                    .mapTo(Integer.class)
                    .one());
    assertThat(tables).isEqualTo(4);

    assertThat(run("create-tenant", config.toString(), "--name", "Acme via CLI")).isEmpty();
    int cliTenants =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT count(*) FROM tenants WHERE name = 'Acme via CLI'")
                    .mapTo(Integer.class)
                    .one());
    assertThat(cliTenants).isEqualTo(1);

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    IrisxApiApplication application = new IrisxApiApplication();
    Bootstrap<IrisxApiConfiguration> bootstrap = new Bootstrap<>(application);
    application.initialize(bootstrap);
    Map<String, Object> arguments = new HashMap<>();
    arguments.put("file", config.toString());
    arguments.put("name", "Acme");
    new CreateTenantCommand(new PrintStream(printed, true, StandardCharsets.UTF_8))
        .run(bootstrap, new Namespace(arguments));

    Matcher key =
        Pattern.compile("irx_[A-Za-z0-9_-]{43}").matcher(printed.toString(StandardCharsets.UTF_8));
    assertThat(key.find()).isTrue();
    assertThat(new TenantProvisioner(jdbi).isActiveKey(key.group())).isTrue();
  }

  @Test
  void createAdminInvitesATenantsFirstAdminWithAOneTimeLink() throws Exception {
    assertThat(run("db", "migrate", config.toString())).isEmpty();
    Jdbi jdbi = Jdbis.create(postgres.getPostgresDatabase());
    String tenantId =
        new TenantProvisioner(jdbi).provision("Console via CLI").tenantId().toString();

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    IrisxApiApplication application = new IrisxApiApplication();
    Bootstrap<IrisxApiConfiguration> bootstrap = new Bootstrap<>(application);
    application.initialize(bootstrap);
    Map<String, Object> arguments = new HashMap<>();
    arguments.put("file", config.toString());
    arguments.put("tenant", tenantId);
    arguments.put("email", "first.admin@example.com");
    arguments.put("name", "First Admin");
    new CreateAdminCommand(new PrintStream(printed, true, StandardCharsets.UTF_8))
        .run(bootstrap, new Namespace(arguments));

    Matcher link =
        Pattern.compile("http://127\\.0\\.0\\.1:8080/console/invite#([A-Za-z0-9_-]{43})")
            .matcher(printed.toString(StandardCharsets.UTF_8));
    assertThat(link.find()).as(printed.toString(StandardCharsets.UTF_8)).isTrue();
    String role =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT role || ' ' || status FROM users WHERE invite_token_hash = :hash"
                            + " AND tenant_id = CAST(:tenant AS uuid)")
                    .bind("hash", io.irisx.api.console.SessionTokens.hash(link.group(1)))
                    .bind("tenant", tenantId)
                    .mapTo(String.class)
                    .one());
    assertThat(role).isEqualTo("admin invited");
    assertThat(
            run(
                "create-admin",
                config.toString(),
                "--tenant",
                java.util.UUID.randomUUID().toString(),
                "--email",
                "nobody@example.com"))
        .isPresent();
  }
}
