package io.irisx.activities.esl;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How a node presents its outbound calls, on top of its dial template: a caller-id name and number
 * that replace the call's own {@code from}, and custom SIP headers sent on the INVITE (as {@code
 * sip_h_X-...} channel variables). Null means "not set". {@link EslCommandBuilder} validates every
 * value and refuses what it cannot send safely.
 */
public record DialOptions(
    @Nullable String callerIdName,
    @Nullable String callerIdNumber,
    Map<String, String> sipHeaders) {

  public static final DialOptions NONE = new DialOptions(null, null, Map.of());

  public DialOptions {
    sipHeaders =
        sipHeaders == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(sipHeaders));
  }

  public static DialOptions sipHeaders(Map<String, String> headers) {
    return new DialOptions(null, null, headers);
  }

  /** These options, with {@code other}'s values where it sets them (headers are merged). */
  public DialOptions overriddenBy(DialOptions other) {
    Map<String, String> headers = new TreeMap<>(sipHeaders);
    headers.putAll(other.sipHeaders());
    return new DialOptions(
        other.callerIdName() != null ? other.callerIdName() : callerIdName,
        other.callerIdNumber() != null ? other.callerIdNumber() : callerIdNumber,
        headers);
  }
}
