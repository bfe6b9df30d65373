package io.irisx.activities.esl.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Compares what the simulator sent with what the real switch sent in a capture, frame by frame and
 * in order. Replies and api responses must be the same bytes; events must have the same name, the
 * same headers in the same order with the same values, except the values no two runs share (clock,
 * host, sequence, generated uuids, SIP dialog ids), and the channel variables that carry the
 * behaviour ({@link #BEHAVIOUR_VARIABLES}) must be there with the capture's values.
 */
final class CaptureComparison {
  private static final Pattern UUID_SHAPE =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** Headers whose value differs on every run or machine; only their presence is compared. */
  private static final Set<String> VOLATILE =
      Set.of(
          "Core-UUID",
          "FreeSWITCH-Hostname",
          "FreeSWITCH-Switchname",
          "FreeSWITCH-IPv4",
          "FreeSWITCH-IPv6",
          "Event-Date-Local",
          "Event-Date-GMT",
          "Event-Date-Timestamp",
          "Event-Sequence",
          "Job-UUID",
          "Application-UUID",
          "Content-Length");

  /** The channel variables that say what happened, compared by value where the capture has them. */
  static final Set<String> BEHAVIOUR_VARIABLES =
      Set.of(
          "variable_current_application",
          "variable_current_application_data",
          "variable_current_application_response",
          "variable_playback_seconds",
          "variable_playback_ms",
          "variable_playback_samples",
          "variable_playback_last_offset_pos",
          "variable_record_completion_cause",
          "variable_sip_hangup_disposition",
          "variable_sip_invite_failure_status",
          "variable_sip_invite_failure_phrase",
          "variable_hangup_cause",
          "variable_hangup_cause_q850",
          "variable_originate_disposition",
          "variable_endpoint_disposition",
          "variable_sip_from_user",
          "variable_sip_from_user_stripped",
          "variable_sip_req_user",
          "variable_irisx_inbound");

  /**
   * Variables whose value is measured (lengths, times): the simulator's must be close, not equal.
   */
  private static final Set<String> MEASURED =
      Set.of(
          "variable_playback_seconds",
          "variable_playback_ms",
          "variable_playback_samples",
          "variable_playback_last_offset_pos");

  private final CaptureFile capture;
  private final UnaryOperator<String> simulatorText;
  private final Set<String> skippedVariables;

  /**
   * @param simulatorText maps the simulator's frames back to the capture's world (e.g. a temporary
   *     recording folder to the switch's)
   */
  CaptureComparison(
      CaptureFile capture, UnaryOperator<String> simulatorText, Set<String> skippedVariables) {
    this.capture = capture;
    this.simulatorText = simulatorText;
    this.skippedVariables = skippedVariables;
  }

  /** Every difference, one per line; empty when the simulator sent what the switch sent. */
  List<String> differences(List<EslTestClient.Frame> simulated) {
    List<String> out = new ArrayList<>();
    List<CaptureFile.Entry> real = capture.switchFrames();
    for (int i = 0; i < Math.max(real.size(), simulated.size()); i++) {
      if (i >= real.size()) {
        out.add("#" + i + " extra frame from the simulator: " + describe(simulated.get(i)));
        continue;
      }
      if (i >= simulated.size()) {
        out.add("#" + i + " missing frame: " + describe(real.get(i)));
        continue;
      }
      compare(i, real.get(i), simulated.get(i), out);
    }
    return out;
  }

  /** The frames' kinds in order, for a readable first line of a failure. */
  static String outline(List<EslTestClient.Frame> frames) {
    List<String> kinds = new ArrayList<>();
    for (EslTestClient.Frame f : frames) {
      kinds.add(describe(f));
    }
    return String.join("\n", kinds);
  }

  private void compare(
      int index, CaptureFile.Entry real, EslTestClient.Frame raw, List<String> out) {
    EslTestClient.Frame sim = reparse(raw);
    String where = "#" + index + " ";
    if (real instanceof CaptureFile.Omitted omitted) {
      if (!sim.isEvent()) {
        out.add(where + "expected event " + omitted.eventName() + ", got " + describe(sim));
        return;
      }
      EslTestClient.Event event = EslTestClient.parsePlain(sim);
      if (!omitted.eventName().equals(event.name())) {
        out.add(where + "expected event " + omitted.eventName() + ", got " + event.name());
        return;
      }
      for (String[] h : omitted.headers()) {
        if (h[0].equals("seq")) {
          continue;
        }
        String value = event.header(h[0]);
        if (!h[1].equals(value)) {
          out.add(where + event.name() + " " + h[0] + ": expected " + h[1] + ", got " + value);
        }
      }
      return;
    }
    EslTestClient.Frame frame = ((CaptureFile.Received) real).frame();
    if (!frame.isEvent()) {
      if (frame.body() != null && frame.body().startsWith("Event-Name: ")) {
        // uuid_dump: an event block inside an api/response
        compareEvents(where, block(frame), block(sim), out);
        return;
      }
      if (!same(listing(frame.text()), listing(sim.text()))) {
        out.add(
            where + "expected bytes\n" + indent(frame.text()) + "\n   got\n" + indent(sim.text()));
      }
      return;
    }
    if (!sim.isEvent()) {
      out.add(where + "expected an event, got " + describe(sim));
      return;
    }
    compareEvents(where, EslTestClient.parsePlain(frame), EslTestClient.parsePlain(sim), out);
  }

  private void compareEvents(
      String where, EslTestClient.Event real, EslTestClient.Event sim, List<String> out) {
    if (!real.name().equals(sim.name())) {
      out.add(where + "expected event " + real.name() + ", got " + sim.name());
      return;
    }
    where = where + real.name() + " ";
    List<String> realOrder = headerOrder(real);
    List<String> simOrder = headerOrder(sim);
    if (!realOrder.equals(simOrder)) {
      out.add(where + "header order differs\n   real: " + realOrder + "\n   sim:  " + simOrder);
    }
    Map<String, String> realValues = values(real);
    Map<String, String> simValues = values(sim);
    for (Map.Entry<String, String> h : realValues.entrySet()) {
      String name = h.getKey();
      if (VOLATILE.contains(name) || skippedVariables.contains(name)) {
        continue;
      }
      boolean variable = name.startsWith("variable_");
      if (variable && !BEHAVIOUR_VARIABLES.contains(name)) {
        continue;
      }
      String simValue = simValues.get(name);
      if (simValue == null) {
        out.add(where + "missing " + name + ": " + h.getValue());
      } else if (name.endsWith("-Time") || name.endsWith("-Hold-Accum")) {
        if (h.getValue().equals("0") != simValue.equals("0")) {
          out.add(where + name + ": expected " + h.getValue() + ", got " + simValue);
        }
      } else if (MEASURED.contains(name)) {
        if (!closeEnough(h.getValue(), simValue)) {
          out.add(where + name + ": expected about " + h.getValue() + ", got " + simValue);
        }
      } else if (!same(h.getValue(), simValue)) {
        out.add(where + name + ": expected " + h.getValue() + ", got " + simValue);
      }
    }
    if (real.body() != null && !same(real.body(), sim.body())) {
      out.add(where + "body: expected " + real.body() + ", got " + sim.body());
    }
  }

  /** The body of an api/response holding an event block, parsed as an event. */
  private static EslTestClient.Event block(EslTestClient.Frame frame) {
    return EslTestClient.parsePlain(
        new EslTestClient.Frame(frame.raw(), frame.headers(), frame.body() + "\n"));
  }

  /** A channel listing without the values of its clock and host, and so its length. */
  private static String listing(String text) {
    if (!text.contains("\"row_count\":")) {
      return text;
    }
    return text.replaceAll("\"(created|created_epoch|hostname)\":\"[^\"]*\"", "\"$1\":\"\"")
        .replaceAll("Content-Length: [0-9]+", "Content-Length: ");
  }

  /** The header names in order, without the channel variables (compared by value instead). */
  private static List<String> headerOrder(EslTestClient.Event event) {
    return event.headers().stream()
        .map(h -> h[0])
        .filter(name -> !name.startsWith("variable_"))
        .toList();
  }

  private static Map<String, String> values(EslTestClient.Event event) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String[] h : event.headers()) {
      map.putIfAbsent(h[0], h[1]);
    }
    return map;
  }

  /** Equal once generated uuids are blanked: the channel uuids come from the commands anyway. */
  private static boolean same(String real, String sim) {
    return blankUuids(real).equals(blankUuids(sim));
  }

  private static String blankUuids(String text) {
    return text == null ? null : UUID_SHAPE.matcher(text).replaceAll("<uuid>");
  }

  /** Lengths within 20% (or 300 ms of samples): the simulator plays by its configured lengths. */
  private static boolean closeEnough(String real, String sim) {
    try {
      double a = Double.parseDouble(real);
      double b = Double.parseDouble(sim);
      return Math.abs(a - b) <= Math.max(2, Math.abs(a) * 0.2);
    } catch (NumberFormatException e) {
      return real.equals(sim);
    }
  }

  private EslTestClient.Frame reparse(EslTestClient.Frame raw) {
    String text = simulatorText.apply(raw.text());
    if (text.equals(raw.text())) {
      return raw;
    }
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    List<String[]> headers = raw.headers();
    String body = raw.body() == null ? null : simulatorText.apply(raw.body());
    return new EslTestClient.Frame(bytes, headers, body);
  }

  private static String describe(CaptureFile.Entry entry) {
    if (entry instanceof CaptureFile.Omitted o) {
      return "event " + o.eventName() + " (left out of the capture)";
    }
    return describe(((CaptureFile.Received) entry).frame());
  }

  static String describe(EslTestClient.Frame frame) {
    if (frame.isEvent()) {
      EslTestClient.Event e = EslTestClient.parsePlain(frame);
      String app = e.header("Application");
      return "event "
          + e.name()
          + (app == null ? "" : " " + app)
          + (e.header("Playback-Status") == null ? "" : " " + e.header("Playback-Status"));
    }
    String first = frame.body() == null ? frame.header("Reply-Text") : frame.body();
    if (first != null && first.length() > 60) {
      first = first.substring(0, 60) + "...";
    }
    return frame.contentType() + " " + first;
  }

  private static String indent(String text) {
    return "     " + text.replace("\n", "\n     ");
  }
}
