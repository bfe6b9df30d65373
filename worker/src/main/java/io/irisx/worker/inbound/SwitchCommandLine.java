package io.irisx.worker.inbound;

import io.irisx.activities.esl.ApiReply;
import io.irisx.activities.esl.EslCommand;
import io.irisx.activities.esl.EslConnection;
import io.irisx.activities.esl.SwitchUnavailableException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The node's ESL connection for code that is built before it: the event listener must exist before
 * the connection does, and the first events (a call parked while the worker was starting) may come
 * before {@link EslConnection#connect} has returned. Commands wait a moment for it.
 */
public final class SwitchCommandLine {
  private final CountDownLatch attached = new CountDownLatch(1);
  private final Duration patience;
  private volatile @Nullable EslConnection connection;

  public SwitchCommandLine(Duration patience) {
    this.patience = patience;
  }

  public void attach(EslConnection connection) {
    this.connection = connection;
    attached.countDown();
  }

  ApiReply api(EslCommand command) {
    try {
      if (!attached.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new SwitchUnavailableException("the ESL connection is not set up yet");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SwitchUnavailableException("interrupted while waiting for the ESL connection");
    }
    EslConnection attachedConnection = connection;
    if (attachedConnection == null) {
      throw new SwitchUnavailableException("the ESL connection is not set up yet");
    }
    return attachedConnection.api(command.command(), command.args());
  }
}
