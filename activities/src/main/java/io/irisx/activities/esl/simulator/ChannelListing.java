package io.irisx.activities.esl.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code show channels} and {@code show calls}, plain or {@code as json}. With no rows FreeSWITCH
 * prints {@code {"row_count": 0}} plus a newline; with rows it prints compact JSON without one.
 * Calls are listed like channels: bridged legs are not joined into one row with b_* columns.
 */
final class ChannelListing {
  private final SimulatedSwitch core;

  ChannelListing(SimulatedSwitch core) {
    this.core = core;
  }

  String show(String args) {
    String[] words = args.toLowerCase(Locale.ROOT).split("\\s+");
    String what = words.length == 0 ? "" : words[0];
    if (!what.equals("channels") && !what.equals("calls")) {
      return "-USAGE: show channels|calls [as json]\n";
    }
    boolean json = args.toLowerCase(Locale.ROOT).contains("as json");
    List<Map<String, String>> rows =
        core.legs().stream().map(leg -> leg.listingRow(core.identity().hostname())).toList();
    return json ? json(rows) : plain(rows);
  }

  private static String json(List<Map<String, String>> rows) {
    if (rows.isEmpty()) {
      return "{\"row_count\": 0}\n";
    }
    StringBuilder out = new StringBuilder(1024 * rows.size());
    out.append("{\"row_count\":").append(rows.size()).append(",\"rows\":[");
    for (int i = 0; i < rows.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, String> field : rows.get(i).entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        out.append(JsonText.quote(field.getKey()))
            .append(':')
            .append(JsonText.quote(field.getValue()));
      }
      out.append('}');
    }
    return out.append("]}").toString();
  }

  private static String plain(List<Map<String, String>> rows) {
    if (rows.isEmpty()) {
      return "\n0 total.\n";
    }
    StringBuilder out = new StringBuilder();
    out.append(String.join(",", rows.get(0).keySet())).append('\n');
    for (Map<String, String> row : rows) {
      out.append(String.join(",", row.values())).append('\n');
    }
    return out.append('\n').append(rows.size()).append(" total.\n").toString();
  }
}
