package io.irisx.worker.dev;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/** An S3 endpoint (S3Proxy) on 127.0.0.1, keeping objects as files; one bucket for recordings. */
public final class LocalS3 implements AutoCloseable {
  public static final String BUCKET = "irisx-recordings";
  public static final String ACCESS_KEY = "irisx-dev";
  public static final String SECRET_KEY = "irisx-dev-secret";

  private final S3Proxy proxy;
  private final int port;

  private LocalS3(S3Proxy proxy, int port) {
    this.proxy = proxy;
    this.port = port;
  }

  /** On a free port (the upload bench). */
  public static LocalS3 start(Path directory) {
    return start(LocalPorts.resolve(0), directory);
  }

  static LocalS3 start(int port, Path directory) {
    LocalPorts.requireFree(port, "S3Proxy");
    try {
      // The filesystem store keeps each bucket as a directory under its base directory.
      Files.createDirectories(directory.resolve(BUCKET));
      Properties properties = new Properties();
      properties.setProperty("jclouds.filesystem.basedir", directory.toAbsolutePath().toString());
      S3Proxy proxy =
          S3Proxy.builder()
              .blobStore(BlobStores.create("filesystem", properties))
              .endpoint(URI.create("http://" + LocalPorts.HOST + ":" + port))
              .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
              .build();
      proxy.start();
      LocalPorts.awaitListening(port, Duration.ofSeconds(20), "S3Proxy");
      return new LocalS3(proxy, port);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("could not prepare the S3 directory", e);
    } catch (Exception e) {
      throw new IllegalStateException("could not start S3Proxy", e);
    }
  }

  public String endpoint() {
    return "http://" + LocalPorts.HOST + ":" + port;
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("could not stop S3Proxy", e);
    }
  }
}
