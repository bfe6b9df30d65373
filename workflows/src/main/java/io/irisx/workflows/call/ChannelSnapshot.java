package io.irisx.workflows.call;

/**
 * What the switch says about a channel right now: whether it exists and which application it runs
 * (for example {@code playback} with the file being played).
 */
public record ChannelSnapshot(
    boolean exists, boolean answered, String application, String applicationData) {

  public static ChannelSnapshot gone() {
    return new ChannelSnapshot(false, false, null, null);
  }
}
