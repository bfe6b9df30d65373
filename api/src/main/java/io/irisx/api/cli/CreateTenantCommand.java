package io.irisx.api.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.auth.ProvisionedTenant;
import io.irisx.api.auth.TenantProvisioner;
import io.irisx.db.Jdbis;
import java.io.PrintStream;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code create-tenant CONFIG --name NAME}: makes a tenant and its first API key and prints the
 * key, the one time anyone sees it.
 */
public final class CreateTenantCommand extends ConfiguredCommand<IrisxApiConfiguration> {
  private final PrintStream out;

  public CreateTenantCommand() {
    this(System.out);
  }

  public CreateTenantCommand(PrintStream out) {
    super("create-tenant", "Creates a tenant and its first API key, and prints the key once.");
    this.out = out;
  }

  @Override
  public void configure(Subparser subparser) {
    super.configure(subparser);
    subparser.addArgument("--name").dest("name").required(true).help("the tenant's name");
  }

  @Override
  protected void run(
      Bootstrap<IrisxApiConfiguration> bootstrap,
      Namespace namespace,
      IrisxApiConfiguration configuration)
      throws Exception {
    ManagedDataSource dataSource =
        configuration.getDatabase().build(bootstrap.getMetricRegistry(), "create-tenant");
    try {
      dataSource.start();
      ProvisionedTenant tenant =
          new TenantProvisioner(Jdbis.create(dataSource)).provision(namespace.getString("name"));
      out.println("tenant:  " + tenant.tenantId() + " (" + tenant.name() + ")");
      out.println("api key: " + tenant.apiKey());
      out.println("Store the key now: it is shown only this once (only its hash is kept).");
      out.flush();
    } finally {
      dataSource.stop();
    }
  }
}
