package io.irisx.api.resources;

import io.irisx.api.representations.CallView;
import io.irisx.db.CallRow;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * One CSV line per call (RFC 4180: CRLF, fields quoted when they hold a comma, quote or line
 * break), with the fields and names of {@link CallView}. A field that a spreadsheet would run as a
 * formula (starting with {@code = + - @}) other than an E.164 number is prefixed with {@code '}.
 */
final class CdrCsv {
  static final String HEADER =
      "id,direction,from,to,flow,status,nodeId,createdAt,ringingAt,answeredAt,endedAt,"
          + "durationSeconds,billSeconds,hangupCause,hangupCauseCode,sipCode,hungUpBy,metadata\r\n";
  static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private CdrCsv() {}

  static String line(CallRow row) {
    CallView call = CallView.of(row);
    StringBuilder out = new StringBuilder(256);
    field(out, call.id());
    field(out, call.direction());
    field(out, call.from());
    field(out, call.to());
    field(out, call.flow());
    field(out, call.status());
    field(out, call.nodeId());
    field(out, call.createdAt());
    field(out, call.ringingAt());
    field(out, call.answeredAt());
    field(out, call.endedAt());
    field(out, call.durationSeconds());
    field(out, call.billSeconds());
    field(out, call.hangupCause());
    field(out, call.hangupCauseCode());
    field(out, call.sipCode());
    field(out, call.hungUpBy());
    field(
        out,
        call.metadata() == null || call.metadata().isEmpty() ? null : call.metadata().toString());
    out.setLength(out.length() - 1);
    return out.append("\r\n").toString();
  }

  private static void field(StringBuilder out, @Nullable Object value) {
    if (value != null) {
      String text = value.toString();
      if (!text.isEmpty()
          && "=+-@".indexOf(text.charAt(0)) >= 0
          && !text.matches("\\+[0-9]{2,15}")) {
        text = "'" + text;
      }
      if (text.indexOf(',') >= 0
          || text.indexOf('"') >= 0
          || text.indexOf('\n') >= 0
          || text.indexOf('\r') >= 0) {
        text = "\"" + text.replace("\"", "\"\"") + "\"";
      }
      out.append(text);
    }
    out.append(',');
  }
}
