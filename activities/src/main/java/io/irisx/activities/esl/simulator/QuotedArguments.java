package io.irisx.activities.esl.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * FreeSWITCH's argument splitter for space-separated API arguments (switch_separate_string with a
 * blank delimiter): spaces inside single quotes do not split, a backslash keeps the next character,
 * and at most {@code limit} words are made, the last keeping the rest of the line. The quotes and
 * escapes are then stripped.
 */
final class QuotedArguments {
  private QuotedArguments() {}

  static String[] split(String line, int limit) {
    List<String> words = new ArrayList<>();
    String rest = line.strip();
    while (!rest.isEmpty() && words.size() < limit - 1) {
      int end = wordEnd(rest);
      words.add(cleanup(rest.substring(0, end)));
      rest = rest.substring(end).stripLeading();
    }
    if (!rest.isEmpty()) {
      words.add(cleanup(rest));
    }
    return words.toArray(String[]::new);
  }

  private static int wordEnd(String text) {
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '\'') {
        quoted = !quoted;
      } else if (c == ' ' && !quoted) {
        return i;
      }
    }
    return text.length();
  }

  private static String cleanup(String word) {
    StringBuilder clean = new StringBuilder();
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c == '\\' && i + 1 < word.length()) {
        clean.append(word.charAt(++i));
      } else if (c != '\'') {
        clean.append(c);
      }
    }
    return clean.toString().strip();
  }
}
