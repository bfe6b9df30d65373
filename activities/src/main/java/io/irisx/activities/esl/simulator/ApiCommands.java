package io.irisx.activities.esl.simulator;

import io.irisx.workflows.call.HangupCause;
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
      case "uuid_break" -> breakMedia(args);
      case "uuid_getvar" -> getVariable(args);
      case "uuid_setvar" -> setVariable(args);
      case "uuid_send_dtmf" -> sendDtmf(args);
      case "uuid_record" -> record(args);
      case "uuid_transfer" -> transfer(args);
      case "uuid_bridge" -> bridge(args);
      case "hupall" -> hangupAll(args);
      case "show" -> new ChannelListing(core).show(args);
      case "module_exists" -> core.modules().exists(args) ? "true" : "false";
      case "load" -> core.modules().load(args);
      case "unload" -> core.modules().unload(args);
      case "uuid_dump" -> dump(args);
      default -> "-ERR " + command + " Command not found!\n";
    };
  }

  private String status() {
    long live = core.legs().size();
    long peak = core.peakSessions();
    return "UP "
        + UptimeText.of(core.uptime())
        + "\n"
        + "FreeSWITCH (Version "
        + SwitchIdentity.VERSION_BANNER
        + ") is ready\n"
        + core.sessionsSinceStartup()
        + " session(s) since startup\n"
        + live
        + " session(s) - peak "
        + peak
        + ", last 5min "
        + peak
        + " \n"
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
    HangupCause cause =
        words.length > 1
            ? HangupCause.parse(words[1]).orElse(HangupCause.NORMAL_CLEARING)
            : HangupCause.NORMAL_CLEARING;
    leg.hangup(cause);
    return "+OK\n";
  }

  /**
   * As mod_commands: one "-ERROR" for a channel that is not there and for one that cannot answer.
   */
  private String answer(String args) {
    CallLeg leg = core.leg(firstWord(args));
    if (leg == null || !leg.answer()) {
      return "-ERROR\n";
    }
    return "+OK\n";
  }

  /** As mod_commands' break_function: {@code <uuid> [all]}; "+OK" even when nothing was playing. */
  private String breakMedia(String args) {
    if (args == null || args.isBlank()) {
      return "-USAGE: <uuid> [all]\n";
    }
    String[] words = args.strip().split("\\s+", 2);
    CallLeg leg = core.leg(words[0]);
    if (leg == null) {
      return "-ERR No such channel!\n";
    }
    leg.breakMedia(words.length > 1 && words[1].contains("all"));
    return "+OK\n";
  }

  /**
   * uuid_broadcast queues playback (or {@code app::args}) on the leg; the leg choice is accepted
   * and ignored.
   */
  private String broadcast(String args) {
    String[] words = QuotedArguments.split(args, 4);
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
      queued =
          leg.executeInstantly(
              path.substring(0, appSeparator), path.substring(appSeparator + 2), null);
    } else {
      queued = leg.broadcast(appSeparator > 0 ? path.substring(appSeparator + 2) : path);
    }
    return queued ? "+OK Message sent\n" : "-ERR invalid uuid\n";
  }

  /**
   * uuid_dump: the channel as an event-plain block named CHANNEL_DATA with its own Event-Sequence,
   * as capture 16 shows.
   */
  private String dump(String args) {
    CallLeg leg = core.leg(firstWord(args));
    if (leg == null) {
      return "-ERR No such channel!\n";
    }
    return leg.dump();
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

  /**
   * Sends digits towards the far end. FreeSWITCH fires no DTMF event for digits it sends (only for
   * digits it receives, switch_channel_dequeue_dtmf), so neither does the simulator.
   */
  private String sendDtmf(String args) {
    String[] words = args.split("\\s+", 2);
    if (words.length < 2 || words[0].isEmpty() || words[1].isBlank()) {
      return "-USAGE: <uuid> <dtmf_data>\n";
    }
    if (core.leg(words[0]) == null) {
      return "-ERR Cannot locate session!\n";
    }
    return "+OK " + words[0] + " sent DTMF " + words[1] + ".\n";
  }

  private String record(String args) {
    String usage = "-USAGE: <uuid> [start|stop|mask|unmask] <path> [<limit>] [<recording_vars>]\n";
    String[] words = args.isEmpty() ? new String[0] : args.split("\\s+", 5);
    if (words.length < 3) {
      return usage;
    }
    CallLeg leg = core.leg(words[0]);
    if (leg == null) {
      return "-ERR Cannot locate session!\n";
    }
    String path = words[2];
    return switch (words[1].toLowerCase(Locale.ROOT)) {
      case "start" ->
          leg.startRecording(
                  path,
                  words.length > 3 ? atoi(words[3]) : 0,
                  words.length > 4 ? initialTimeoutMs(words[4]) : 0)
              ? "+OK Success\n"
              : "-ERR Cannot record session!\n";
      case "stop" ->
          leg.stopRecording(path) ? "+OK Success\n" : "-ERR Cannot stop record session!\n";
      // Recording silence, the simulator has nothing to pause or mask.
      case "pause", "resume", "mask", "unmask" -> "+OK Success\n";
      default -> usage;
    };
  }

  /** RECORD_INITIAL_TIMEOUT_MS from uuid_record's {@code {name=value,...}} recording variables. */
  private static int initialTimeoutMs(String vars) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("[{,]RECORD_INITIAL_TIMEOUT_MS=([0-9]{1,9})[,}]")
            .matcher(vars);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private String transfer(String args) {
    String usage = "-USAGE: <uuid> [-bleg|-both] <dest-exten> [<dialplan>] [<context>]\n";
    String[] words = args.isEmpty() ? new String[0] : args.split("\\s+");
    if (words.length < 2 || words.length > 5) {
      return usage;
    }
    CallLeg leg = core.leg(words[0]);
    if (leg == null) {
      return "-ERR No such channel!\n";
    }
    int at = 1;
    String flag = null;
    if (words[1].startsWith("-")) {
      flag = words[1].substring(1).toLowerCase(Locale.ROOT);
      at = 2;
      if (words.length < 3) {
        return "-ERR\n";
      }
    }
    String destination = words[at];
    String dialplan = words.length > at + 1 ? words[at + 1] : null;
    String context = words.length > at + 2 ? words[at + 2] : null;
    CallLeg other = core.leg(leg.variable("bridge_to"));
    if ("bleg".equals(flag) && other != null) {
      leg = other;
    } else if ("both".equals(flag) && other != null) {
      other.transfer(destination, dialplan, context);
    }
    return leg.transfer(destination, dialplan, context) ? "+OK\n" : "-ERR\n";
  }

  private String bridge(String args) {
    String[] words = args.isEmpty() ? new String[0] : args.split("\\s+");
    if (words.length < 2) {
      return "-USAGE: <uuid> <other_uuid>\n";
    }
    CallLeg originator = core.leg(words[0]);
    String chosen = words[1];
    CallLeg originatee = core.leg(chosen);
    if (originatee == null && words.length > 2) {
      chosen = words[2];
      originatee = core.leg(chosen);
    }
    if (originator == null || originatee == null || originator == originatee) {
      return "-ERR Invalid uuid\n";
    }
    return core.bridge(originator, originatee) ? "+OK " + chosen + "\n" : "-ERR Invalid uuid\n";
  }

  private static int atoi(String text) {
    java.util.regex.Matcher digits = java.util.regex.Pattern.compile("^[0-9]+").matcher(text);
    return digits.find() ? Integer.parseInt(digits.group()) : 0;
  }

  private String hangupAll(String args) {
    String[] words = args.isEmpty() ? new String[0] : args.split("\\s+");
    HangupCause cause =
        words.length > 0
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
        .map(
            m ->
                "+OK hangup all channels matching ["
                    + m.getKey()
                    + "]=["
                    + m.getValue()
                    + "] with cause: "
                    + cause.name()
                    + "\n")
        .orElse("+OK hangup all channels with cause " + cause.name() + "\n");
  }

  private static String firstWord(String args) {
    String[] words = args.split("\\s+");
    return words.length == 0 ? "" : words[0];
  }
}
