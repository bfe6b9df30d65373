package io.irisx.activities.esl.simulator;

/**
 * One playback that reached its PLAYBACK_STOP: on which channel, the media as it was asked for
 * ({@code Application-Data}), and {@code done} (played to its end) or {@code break} (cut).
 */
public record PlayedMedia(String channelUuid, String media, String status) {}
