package io.irisx.worker.dev.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The repository's own Markdown files (not build output, downloaded packages or a dev stack's
 * home), with their links and the anchors their headings make.
 */
final class MarkdownFiles {
  private static final Set<String> NOT_OURS =
      Set.of("target", "node_modules", ".git", ".irisx", ".mvn", "dist");
  private static final Pattern LINK =
      Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");

  /** A link as written, in a file, at a line. */
  record Link(Path file, int line, String target) {
    @Override
    public String toString() {
      return file + ":" + line + " -> " + target;
    }
  }

  private MarkdownFiles() {}

  static List<Path> under(Path root) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(p -> p.toString().endsWith(".md"))
          .filter(p -> Files.isRegularFile(p))
          .filter(p -> root.relativize(p).getNameCount() == 1 || isOurs(root.relativize(p)))
          .forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static boolean isOurs(Path relative) {
    for (Path part : relative.getParent()) {
      if (NOT_OURS.contains(part.toString())) {
        return false;
      }
    }
    return true;
  }

  /** The links of a file, outside fenced code blocks (where brackets are code, not links). */
  static List<Link> links(Path file) {
    List<Link> links = new ArrayList<>();
    List<String> lines = lines(file);
    boolean inFence = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.strip().startsWith("```")) {
        inFence = !inFence;
        continue;
      }
      if (inFence) {
        continue;
      }
      Matcher m = LINK.matcher(line);
      while (m.find()) {
        links.add(new Link(file, i + 1, m.group(1)));
      }
    }
    return links;
  }

  /** The anchors GitHub gives the file's headings: lower case, punctuation dropped, dashes. */
  static Set<String> anchors(Path file) {
    Set<String> anchors = new java.util.HashSet<>();
    boolean inFence = false;
    for (String line : lines(file)) {
      if (line.strip().startsWith("```")) {
        inFence = !inFence;
        continue;
      }
      Matcher m = HEADING.matcher(line);
      if (!inFence && m.matches()) {
        String slug =
            m.group(1)
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
        String unique = slug;
        for (int n = 1; !anchors.add(unique); n++) {
          unique = slug + "-" + n;
        }
      }
    }
    return anchors;
  }

  static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
