package io.irisx.activities.esl.simulator;

/** The serialisations a listener can ask for with {@code event <format> ...}. */
enum EventFormat {
  PLAIN("plain"),
  JSON("json");

  private final String wireName;

  EventFormat(String wireName) {
    this.wireName = wireName;
  }

  String wireName() {
    return wireName;
  }
}
