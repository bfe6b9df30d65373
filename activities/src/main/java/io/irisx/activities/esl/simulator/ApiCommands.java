package io.irisx.activities.esl.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The api commands the simulator implements, with FreeSWITCH's reply texts (mod_commands.c). */
final class ApiCommands {
  private final SimulatedSwitch core;

  ApiCommands(SimulatedSwitch core) {
    this.core = core;
  }

  String execute(String command, String arguments) {
    String args = arguments.strip();
    return switch (command.toLowerCase(Locale.ROOT)) {
      case "status" -> status();
      case "version" -> "FreeSWITCH Version " + SwitchIdentity.VERSION + " (-release 64bit)\n";
      case "uptime" -> Long.toString(core.uptime().toSeconds()) + "\n";
      case "originate" -> core.originateAndWait(args);
      case "uuid_exists" -> core.leg(firstWord(args)) != null ? "true" : "false";
      case "uuid_kill" -> kill(args);
      case "uuid_answer" -> answer(args);
      case "uuid_broadcast" -> broadcast(args);
      case "uuid_getvar" -> getVariable(args);
      case "uuid_setvar" -> setVariable(args);
      case "hupall" -> hangupAll(args);
      case "show" -> new ChannelListing(core).show(args);
      default -> "-ERR " + command + " Command not found!\n";
    };
  }

  private String status() {
    long live = core.legs().size();
    long peak = core.peakSessions();
    return "UP " + UptimeText.of(core.uptime()) + "\n"
        + "FreeSWITCH (Version " + SwitchIdentity.VERSION_BANNER + ") is ready\n"
        + core.sessionsSinceStartup() + " session(s) since startup\n"
        + live + " session(s) - peak " + peak + ", last 5min " + peak + " \n"
        + "0 session(s) per Sec out of max 30, peak 0, last 5min 0 \n"
        + "1000 session(s) max\n"
        + "min idle cpu 0.00/100.00\n"
        + "Current Stack Size/Max 240K/8192K\n";
  }

  private String kill(String args) {
    String[] words = args.split("\\s+");
    CallLeg leg = core.leg(words[0]);
    if (leg == null) {
      return "-ERR No such channel!\n";
    }
    HangupCause cause = words.length > 1
        ? HangupCause.parse(words[1]).orElse(HangupCause.NORMAL_CLEARING)
        : HangupCause.NORMAL_CLEARING;
    leg.hangup(cause);
    return "+OK\n";
  }

  private String answer(String args) {
    CallLeg leg = core.leg(firstWord(args));
    if (leg == null || !leg.answer()) {
      return "-ERR No such channel!\n";
    }
    return "+OK\n";
  }

  /** uuid_broadcast queues playback (or {@code app::args}) on the leg; the leg choice is accepted and ignored. */
  private String broadcast(String args) {
    String[] words = args.split("\\s+");
    if (words.length < 2) {
      return "-USAGE: <uuid> <path> [aleg|bleg|holdb|both]\n";
    }
    CallLeg leg = core.leg(words[0]);
    if (leg == null) {
      return "-ERR invalid uuid\n";
    }
    String path = words[1];
    int appSeparator = path.indexOf("::");
    boolean queued;
    if (appSeparator > 0 && !path.substring(0, appSeparator).equals("playback")) {
      queued = leg.executeInstantly(path.substring(0, appSeparator), path.substring(appSeparator + 2), null);
    } else {
      queued = leg.playback(appSeparator > 0 ? path.substring(appSeparator + 2) : path, null);
    }
    return queued ? "+OK Message sent\n" : "-ERR invalid uuid\n";
  }

  private String getVariable(String args) {
    String[] words = args.split("\\s+");
    if (words.length < 2) {
      return "-USAGE: <uuid> <var>\n";
    }
    CallLeg leg = core.leg(words[0]);
    if (leg == null) {
      return "-ERR No such channel!\n";
    }
    String value = leg.variable(words[1]);
    return value == null ? "_undef_" : value;
  }

  private String setVariable(String args) {
    String[] words = args.split("\\s+", 3);
    if (words.length < 2) {
      return "-USAGE: <uuid> <var> [value]\n";
    }
    CallLeg leg = core.leg(words[0]);
    if (leg == null) {
      return "-ERR No such channel!\n";
    }
    leg.setVariable(words[1], words.length > 2 ? words[2] : null);
    return "+OK\n";
  }

  private String hangupAll(String args) {
    String[] words = args.isEmpty() ? new String[0] : args.split("\\s+");
    HangupCause cause = words.length > 0
        ? HangupCause.parse(words[0]).orElse(HangupCause.MANAGER_REQUEST)
        : HangupCause.MANAGER_REQUEST;
    Optional<Map.Entry<String, String>> match =
        words.length > 2 ? Optional.of(Map.entry(words[1], words[2])) : Optional.empty();
    List<CallLeg> victims = new ArrayList<>();
    for (CallLeg leg : core.legs()) {
      if (match.isEmpty() || match.get().getValue().equals(leg.variable(match.get().getKey()))) {
        victims.add(leg);
      }
    }
    victims.forEach(leg -> leg.hangup(cause));
    return match
        .map(m -> "+OK hangup all channels matching [" + m.getKey() + "]=[" + m.getValue() + "] with cause: "
            + cause.name() + "\n")
        .orElse("+OK hangup all channels with cause " + cause.name() + "\n");
  }

  private static String firstWord(String args) {
    String[] words = args.split("\\s+");
    return words.length == 0 ? "" : words[0];
  }
}
