package io.irisx.worker.bench;

import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import io.irisx.worker.dev.ToolApplication;
import java.util.Set;

/**
 * {@code ./irisx bench}: the benchmark's commands. With no command, or only options, it runs the
 * hello bench ({@code ./irisx bench --cps 5} is {@code ./irisx bench hello --cps 5}).
 */
public final class IrisxBenchApplication extends ToolApplication {
  private static final Set<String> HELP = Set.of("-h", "--help", "-v", "--version");

  public static void main(String[] args) throws Exception {
    new IrisxBenchApplication().runAndExit(withDefaultCommand(args));
  }

  static String[] withDefaultCommand(String[] args) {
    if (args.length > 0 && (!args[0].startsWith("-") || HELP.contains(args[0]))) {
      return args;
    }
    String[] hello = new String[args.length + 1];
    hello[0] = Scenario.HELLO.flag();
    System.arraycopy(args, 0, hello, 1, args.length);
    return hello;
  }

  @Override
  public String getName() {
    return "irisx-bench";
  }

  @Override
  public void initialize(Bootstrap<Configuration> bootstrap) {
    bootstrap.addCommand(
        new CallBenchCommand(Scenario.HELLO, "Hello calls: answer, one prompt, hang up."));
    bootstrap.addCommand(
        new CallBenchCommand(
            Scenario.IVR, "Reminder calls: two prompts, the callee presses 1, a thank-you."));
    bootstrap.addCommand(
        new CallBenchCommand(
            Scenario.HOLD,
            "Many calls up at once, playing a long prompt until the bench hangs them up."));
    bootstrap.addCommand(new WebhookBenchCommand());
    bootstrap.addCommand(new ApiBenchCommand());
    bootstrap.addCommand(new UploadBenchCommand());
    bootstrap.addCommand(new ServeCommand());
  }
}
