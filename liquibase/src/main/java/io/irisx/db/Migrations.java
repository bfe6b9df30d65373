package io.irisx.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Brings a database up to the IRISX schema: the same changelog Dropwizard's {@code db migrate}
 * runs.
 */
public final class Migrations {
  /** Classpath location of the master changelog. */
  public static final String CHANGELOG = "irisx/db/changelog.xml";

  private Migrations() {}

  /** Applies every changeset not yet applied; a no-op on an up-to-date database. */
  public static void apply(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      // Liquibase's console output goes to its log instead, and it phones no one home.
      Map<String, Object> scope =
          Map.of(
              Scope.Attr.ui.name(), new LoggerUIService(),
              Scope.Attr.resourceAccessor.name(),
                  new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()),
              AnalyticsArgs.ENABLED.getKey(), false);
      Scope.child(
          scope,
          () ->
              new CommandScope(UpdateCommandStep.COMMAND_NAME)
                  .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                  .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                  .addArgumentValue(
                      ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                  .execute());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect to apply database migrations", e);
    } catch (Exception e) {
      throw new IllegalStateException("database migrations failed", e);
    }
  }
}
