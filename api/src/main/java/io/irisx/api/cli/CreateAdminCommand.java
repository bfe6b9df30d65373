package io.irisx.api.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.auth.ConsoleRole;
import io.irisx.api.console.Accounts;
import io.irisx.api.console.PasswordHasher;
import io.irisx.api.console.SessionTokens;
import io.irisx.db.Jdbis;
import io.irisx.db.TenantDao;
import io.irisx.db.console.UserDao;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code create-admin CONFIG --tenant ID --email EMAIL [--name NAME]}: invites a tenant's admin to
 * the console and prints the one-time invitation link (valid {@code console.invitationDays}). The
 * link's host is {@code console.publicUrl}, or http://127.0.0.1 with the API's port without it.
 */
public final class CreateAdminCommand extends ConfiguredCommand<IrisxApiConfiguration> {
  private final PrintStream out;

  public CreateAdminCommand() {
    this(System.out);
  }

  public CreateAdminCommand(PrintStream out) {
    super("create-admin", "Invites a tenant's console admin and prints the one-time link.");
    this.out = out;
  }

  @Override
  public void configure(Subparser subparser) {
    super.configure(subparser);
    subparser.addArgument("--tenant").dest("tenant").required(true).help("the tenant's id");
    subparser.addArgument("--email").dest("email").required(true).help("the admin's email");
    subparser.addArgument("--name").dest("name").help("the admin's name");
  }

  @Override
  protected void run(
      Bootstrap<IrisxApiConfiguration> bootstrap,
      Namespace namespace,
      IrisxApiConfiguration configuration)
      throws Exception {
    UUID tenantId;
    try {
      tenantId = UUID.fromString(namespace.getString("tenant"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--tenant must be a tenant id (a UUID)", e);
    }
    String email = namespace.getString("email").strip();
    if (!Accounts.looksLikeEmail(email)) {
      throw new IllegalArgumentException(
          "--email must be an email address such as ann@example.com");
    }
    ManagedDataSource dataSource =
        configuration.getDatabase().build(bootstrap.getMetricRegistry(), "create-admin");
    try {
      dataSource.start();
      Jdbi jdbi = Jdbis.create(dataSource);
      if (jdbi.onDemand(TenantDao.class).find(tenantId).isEmpty()) {
        throw new IllegalArgumentException("no tenant " + tenantId);
      }
      SecureRandom random = new SecureRandom();
      Accounts accounts =
          new Accounts(
              jdbi.onDemand(UserDao.class),
              new PasswordHasher(random),
              new SessionTokens(random),
              configuration.getConsole(),
              Clock.systemUTC());
      Accounts.Invitation invitation =
          accounts.invite(tenantId, email, namespace.getString("name"), ConsoleRole.ADMIN, null);
      String base = configuration.getConsole().getPublicUrl();
      if (base.isEmpty()) {
        base = "http://127.0.0.1:" + configuration.applicationPort();
      }
      out.println("admin:      " + invitation.user().email() + " (" + invitation.user().id() + ")");
      out.println("invitation: " + invitation.url(base));
      out.println(
          "Open the link to choose a password; it works once, for "
              + configuration.getConsole().getInvitationDays()
              + " days.");
      out.flush();
    } finally {
      dataSource.stop();
    }
  }
}
