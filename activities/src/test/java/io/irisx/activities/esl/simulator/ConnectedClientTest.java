package io.irisx.activities.esl.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh simulator per test and a raw client authenticated to it, subscribed as the test asks. */
abstract class ConnectedClientTest {
  protected EslSimulator simulator;
  protected EslTestClient client;

  /** The simulator's options; an ephemeral port by default. */
  SimulatorOptions options() {
    return SimulatorOptions.defaults().withPort(0);
  }

  /** The events to subscribe to with {@code event plain}, or null for none. */
  String subscribedEvents() {
    return null;
  }

  @BeforeEach
  final void connect() throws Exception {
    simulator = EslSimulator.start(options());
    client = EslTestClient.authenticated(simulator, "ClueCon");
    if (subscribedEvents() != null) {
      client.command("event plain " + subscribedEvents());
    }
  }

  @AfterEach
  final void disconnect() throws Exception {
    client.close();
    simulator.close();
  }
}
