package io.irisx.worker.dev.docs;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root, as Maven names it to the tests (or two folders up from worker/dev). */
final class ProjectRoot {
  private ProjectRoot() {}

  static Path path() {
    String named = System.getenv("IRISX_PROJECT_ROOT");
    Path root =
        (named == null || named.isBlank() ? Path.of("../..") : Path.of(named))
            .toAbsolutePath()
            .normalize();
    if (!Files.isRegularFile(root.resolve("README.md"))
        || !Files.isDirectory(root.resolve("docs"))) {
      throw new IllegalStateException("not the repository's root: " + root);
    }
    return root;
  }
}
