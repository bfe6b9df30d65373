package io.irisx.worker.inbound;

/**
 * Who called, as IRISX reports it: {@code from} in E.164, or {@link #ANONYMOUS} when the network
 * sent something no rule turns into a number (a withheld number, {@code anonymous}, a SIP name);
 * {@code raw} is what the network sent, kept as it was.
 */
public record InboundCaller(String from, String raw) {
  /** The {@code from} of a caller whose number could not be normalised. */
  public static final String ANONYMOUS = "anonymous";

  public static InboundCaller of(String raw, CallerNumberRule rule) {
    String sent = raw == null || raw.isBlank() ? ANONYMOUS : raw.strip();
    return new InboundCaller(rule.normalise(sent).orElse(ANONYMOUS), sent);
  }

  public boolean normalised() {
    return !ANONYMOUS.equals(from);
  }
}
