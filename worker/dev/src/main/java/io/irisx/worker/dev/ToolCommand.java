package io.irisx.worker.dev;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import java.io.UncheckedIOException;
import net.sourceforge.argparse4j.ArgumentParsers;
import net.sourceforge.argparse4j.inf.ArgumentParser;
import net.sourceforge.argparse4j.inf.ArgumentParserException;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * A command of a {@link ToolApplication}. A refused option or a stack that cannot start is told in
 * one line ({@code irisx dev: ...}); only an unexpected failure prints its stack trace.
 */
public abstract class ToolCommand extends Command {
  private final String program;

  /**
   * @param program how the user runs the command, for its messages (e.g. {@code irisx bench hello})
   */
  protected ToolCommand(String name, String description, String program) {
    super(name, description);
    this.program = program;
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    if (e instanceof IllegalArgumentException
        || e instanceof IllegalStateException
        || e instanceof UncheckedIOException) {
      cli.getStdErr().println(program + ": " + e.getMessage());
    } else {
      super.onError(cli, namespace, e);
    }
  }

  /** The command line after the command's name, parsed as the application's CLI parses it. */
  public Namespace parse(String... arguments) throws ArgumentParserException {
    ArgumentParser parser = ArgumentParsers.newFor(program).build();
    configure(parser.addSubparsers().addParser(getName()));
    String[] withName = new String[arguments.length + 1];
    withName[0] = getName();
    System.arraycopy(arguments, 0, withName, 1, arguments.length);
    return parser.parseArgs(withName);
  }
}
