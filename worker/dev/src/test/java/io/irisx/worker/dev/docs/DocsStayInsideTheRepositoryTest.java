package io.irisx.worker.dev.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every Markdown file of the repository links only to files inside it that exist (and to headings
 * that exist), or to the web: a clone is all a reader has.
 */
class DocsStayInsideTheRepositoryTest {
  private final Path root = ProjectRoot.path();

  @Test
  void noDocumentNamesAPlaceOutsideTheRepository() {
    List<String> outside = new ArrayList<>();
    for (Path file : MarkdownFiles.under(root)) {
      List<String> lines = MarkdownFiles.lines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains("../shared")) {
          outside.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
      for (MarkdownFiles.Link link : MarkdownFiles.links(file)) {
        if (isWeb(link.target()) || link.target().startsWith("#")) {
          continue;
        }
        Path target = file.getParent().resolve(pathOf(link.target())).normalize();
        if (link.target().startsWith("/") || !target.startsWith(root)) {
          outside.add(link.toString());
        }
      }
    }
    assertThat(outside).as("links out of the repository").isEmpty();
  }

  @Test
  void everyLinkInsideTheRepositoryReachesAFileAndItsHeading() {
    List<String> broken = new ArrayList<>();
    for (Path file : MarkdownFiles.under(root)) {
      for (MarkdownFiles.Link link : MarkdownFiles.links(file)) {
        if (isWeb(link.target())) {
          continue;
        }
        Path target =
            link.target().startsWith("#")
                ? file
                : file.getParent().resolve(pathOf(link.target())).normalize();
        if (!target.startsWith(root) || !Files.exists(target)) {
          broken.add(link + " (no such file)");
          continue;
        }
        String anchor = anchorOf(link.target());
        if (anchor != null
            && target.toString().endsWith(".md")
            && !MarkdownFiles.anchors(target).contains(anchor)) {
          broken.add(link + " (no such heading)");
        }
      }
    }
    assertThat(broken).as("broken links").isEmpty();
  }

  @Test
  void theScanSeesTheDocs() {
    assertThat(MarkdownFiles.under(root))
        .contains(
            root.resolve("README.md"),
            root.resolve("docs/api.md"),
            root.resolve("docs/architecture.md"))
        .noneMatch(p -> p.toString().contains("node_modules"));
    assertThat(MarkdownFiles.anchors(root.resolve("docs/call-flows.md")))
        .contains("3-change-a-flow-safely-workflowgetversion");
  }

  private static boolean isWeb(String target) {
    return target.startsWith("http://")
        || target.startsWith("https://")
        || target.startsWith("mailto:");
  }

  private static String pathOf(String target) {
    int hash = target.indexOf('#');
    return hash < 0 ? target : target.substring(0, hash);
  }

  private static String anchorOf(String target) {
    int hash = target.indexOf('#');
    return hash < 0 || hash == target.length() - 1 ? null : target.substring(hash + 1);
  }
}
