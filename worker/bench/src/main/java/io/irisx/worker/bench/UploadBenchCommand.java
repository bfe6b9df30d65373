package io.irisx.worker.bench;

import io.dropwizard.core.setup.Bootstrap;
import java.nio.file.Path;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code ./irisx bench upload}: a recording's upload to a local S3Proxy (see {@link UploadBench}).
 */
final class UploadBenchCommand extends BenchCommand {

  UploadBenchCommand() {
    super(
        "upload",
        "How fast a finished recording reaches S3: the worker's upload activity on a WAV of the"
            + " given size, in parts, against a local S3Proxy; one row per run.");
  }

  @Override
  public void configure(Subparser subparser) {
    count(subparser, "--size-mb", 1, 50, "the recording's size in MB");
    count(subparser, "--runs", 1, 3, "how many uploads");
    count(subparser, "--part-mb", 5, 8, "the part size in MiB: 5 or more, S3's smallest part");
    subparser
        .addArgument("--dir")
        .metavar("DIR")
        .setDefault(BenchDriver.BENCH_DIR.resolve("upload").toString())
        .help("where the recording and S3Proxy's files go (emptied first)");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    UploadBench.Options options = options(namespace);
    UploadBench.print(options, UploadBench.run(options), System.out);
  }

  static UploadBench.Options options(Namespace namespace) {
    return new UploadBench.Options(
        namespace.getInt("size_mb"),
        namespace.getInt("runs"),
        namespace.getInt("part_mb"),
        Path.of(namespace.getString("dir")));
  }
}
