package io.irisx.activities.recording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What a finished recording file is: its size, its SHA-256 and its audio's length. */
record WavFile(long sizeBytes, String sha256Hex, long durationMillis) {

  static WavFile inspect(Path path) throws IOException {
    long size = Files.size(path);
    MessageDigest sha256 = sha256();
    try (InputStream in = Files.newInputStream(path)) {
      byte[] buffer = new byte[1 << 16];
      for (int read; (read = in.read(buffer)) > 0; ) {
        sha256.update(buffer, 0, read);
      }
    }
    return new WavFile(size, HexFormat.of().formatHex(sha256.digest()), durationMillis(path, size));
  }

  /**
   * Data bytes over the byte rate of the {@code fmt } chunk. A data size of 0 or beyond the end of
   * the file (a header the recorder never rewrote) counts what the file really holds; a file that
   * is not RIFF/WAVE has no known length: 0.
   */
  static long durationMillis(Path path, long size) throws IOException {
    try (FileChannel file = FileChannel.open(path)) {
      ByteBuffer riff = read(file, 0, 12);
      if (riff.remaining() < 12 || !tag(riff, 0).equals("RIFF") || !tag(riff, 8).equals("WAVE")) {
        return 0;
      }
      long byteRate = 0;
      long position = 12;
      while (position + 8 <= size) {
        ByteBuffer chunk = read(file, position, 8);
        String id = tag(chunk, 0);
        long length = Integer.toUnsignedLong(chunk.getInt(4));
        if (id.equals("fmt ")) {
          ByteBuffer fmt = read(file, position + 8, 16);
          byteRate = fmt.remaining() >= 12 ? Integer.toUnsignedLong(fmt.getInt(8)) : 0;
        } else if (id.equals("data")) {
          long available = size - position - 8;
          long data = length == 0 || length > available ? available : length;
          return byteRate == 0 ? 0 : data * 1000 / byteRate;
        }
        position += 8 + length + (length & 1);
      }
      return 0;
    }
  }

  static MessageDigest sha256() {
    return digest("SHA-256");
  }

  static MessageDigest md5() {
    return digest("MD5");
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JVM", e);
    }
  }

  private static ByteBuffer read(FileChannel file, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining() && file.read(buffer, position + buffer.position()) > 0) {
      // keep reading
    }
    return buffer.flip();
  }

  private static String tag(ByteBuffer buffer, int offset) {
    byte[] bytes = new byte[4];
    buffer.get(offset, bytes);
    return new String(bytes, StandardCharsets.US_ASCII);
  }
}
