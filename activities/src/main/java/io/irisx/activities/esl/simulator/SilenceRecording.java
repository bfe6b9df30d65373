package io.irisx.activities.esl.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What uuid_record leaves on disk in the simulator: an 8 kHz 16-bit mono PCM WAV file of silence.
 */
final class SilenceRecording {
  static final int SAMPLE_RATE = 8000;
  static final int SAMPLES_PER_MS = SAMPLE_RATE / 1000;
  private static final int HEADER_BYTES = 44;

  private SilenceRecording() {}

  /** Writes the file (creating missing directories) and returns its size in bytes. */
  static long write(Path path, long samples) throws IOException {
    long dataBytes = samples * 2;
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    header.put(ascii("RIFF")).putInt((int) (36 + dataBytes)).put(ascii("WAVE"));
    header
        .put(ascii("fmt "))
        .putInt(16)
        .putShort((short) 1)
        .putShort((short) 1)
        .putInt(SAMPLE_RATE)
        .putInt(SAMPLE_RATE * 2)
        .putShort((short) 2)
        .putShort((short) 16);
    header.put(ascii("data")).putInt((int) dataBytes);
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(path)) {
      out.write(header.array());
      byte[] silence = new byte[8192];
      for (long left = dataBytes; left > 0; left -= silence.length) {
        out.write(silence, 0, (int) Math.min(silence.length, left));
      }
    }
    return HEADER_BYTES + dataBytes;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
