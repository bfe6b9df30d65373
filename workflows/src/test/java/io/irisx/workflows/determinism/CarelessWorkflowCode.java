package io.irisx.workflows.determinism;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Random;
import java.util.UUID;

/** What workflow code must not do, one mistake a method: the check must name each of them. */
@SuppressWarnings("unused")
final class CarelessWorkflowCode {
  private static int calls;

  long readsTheClock() {
    return System.currentTimeMillis();
  }

  boolean asksTheTimeOfDay() {
    return LocalTime.now().getHour() < 12 || Instant.now().getEpochSecond() > 0;
  }

  String makesARandomId() {
    return UUID.randomUUID().toString();
  }

  int rollsADie() {
    return new Random().nextInt(6);
  }

  void printsToTheConsole() {
    System.out.println("hello");
  }

  int countsInAStatic() {
    return ++calls;
  }

  String readsAFile() throws IOException {
    return Files.readString(Path.of("flow.txt"));
  }

  void startsAThread() {
    new Thread(() -> {}).start();
  }

  String readsTheEnvironment() {
    return System.getenv("HOME");
  }

  int isFine(int digits) {
    return Math.max(digits, 1);
  }
}
