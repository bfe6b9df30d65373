package io.irisx.worker.dev;

import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import net.sourceforge.argparse4j.inf.ArgumentParserException;

/**
 * A Dropwizard application that is a set of commands rather than a server: {@code ./irisx dev} and
 * {@code ./irisx bench}. It keeps the console logging of {@code logback.xml} (quiet until the
 * stack's own applications configure theirs) and ends the JVM with a status a script can test: 0
 * when the command returned, 2 for a command line it refused, 1 when the command failed.
 */
public abstract class ToolApplication extends Application<Configuration> {

  /** Runs the command line and ends the JVM, whatever threads (pools, clients) are left. */
  protected final void runAndExit(String... arguments) throws Exception {
    run(arguments);
    System.exit(0);
  }

  @Override
  protected void bootstrapLogging() {
    // logback.xml already says what reaches the console before the stack's applications start.
  }

  @Override
  protected void addDefaultCommands(Bootstrap<Configuration> bootstrap) {
    // No server or check command: every command is the tool's own.
  }

  @Override
  public final void run(Configuration configuration, Environment environment) {
    throw new UnsupportedOperationException(getName() + " runs commands, not a server");
  }

  @Override
  protected void onFatalError(Throwable t) {
    System.exit(isUsageError(t) ? 2 : 1);
  }

  static boolean isUsageError(Throwable t) {
    return t instanceof ArgumentParserException || t instanceof IllegalArgumentException;
  }
}
