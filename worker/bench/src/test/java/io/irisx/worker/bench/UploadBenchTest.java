package io.irisx.worker.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upload bench really uploads (in parts) and prints one row per run; no timing is asserted. */
class UploadBenchTest {

  @Test
  void aSmallRunUploadsInPartsAndPrintsItsRow(@TempDir Path dir) throws Exception {
    UploadBench.Options options =
        UploadBench.parse(
            new String[] {
              "--size-mb", "12", "--runs", "1", "--part-mb", "5", "--dir", dir.toString()
            });

    List<UploadBench.Run> runs = UploadBench.run(options);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    UploadBench.print(options, runs, new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertThat(runs)
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.bytes()).isEqualTo(12_000_000L);
              assertThat(run.parts()).isEqualTo(3);
            });
    // The object S3Proxy holds is the whole file.
    try (var objects = java.nio.file.Files.walk(dir.resolve("s3"))) {
      assertThat(objects.filter(p -> p.toString().endsWith(".wav")).map(p -> p.toFile().length()))
          .containsExactly(12_000_000L);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("run", "MB/s", "12.0", "median");
  }

  @Test
  void partsBelowS3sMinimumAreRefused() {
    assertThatThrownBy(() -> UploadBench.parse(new String[] {"--part-mb", "4"}))
        .hasMessageContaining("5 or more");
  }
}
