package io.irisx.activities.esl.simulator;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inbound ESL socket, behaving like a mod_event_socket listener. The command handler holds the
 * write lock for the whole command, so a slow {@code api} holds back events exactly as FreeSWITCH's
 * single listener thread does, and replies always precede the events they cause. While replies are
 * stalled (a fault), replies and every frame after the first held one wait in {@link #held} and go
 * out in order on {@link #release()}.
 */
final class ClientConnection implements EventBus.Listener {
  private static final Logger log = LoggerFactory.getLogger(ClientConnection.class);
  private static final int FIRST_PACKET_TIMEOUT_MS = 25_000;

  private final Socket socket;
  private final SimulatedSwitch core;
  private final Consumer<String> commandLog;
  private final Runnable onClosed;
  private final EventSubscription subscription = new EventSubscription();
  private final LinkedBlockingQueue<SimulatedEvent> pendingEvents = new LinkedBlockingQueue<>();
  private final ReentrantLock writeLock = new ReentrantLock();
  private final Condition drained = writeLock.newCondition();
  private final Deque<byte[]> held = new ArrayDeque<>();
  private final Faults faults;
  private final SimulatorTraffic traffic;
  private volatile boolean authenticated;
  private volatile boolean closed;

  /**
   * Set by myevents: only events with a Unique-ID pass, and only this one's when it is not null.
   */
  private volatile boolean myEvents;

  private volatile String boundUuid;
  private Thread eventWriter;

  ClientConnection(
      Socket socket,
      SimulatedSwitch core,
      Faults faults,
      Consumer<String> commandLog,
      Runnable onClosed) {
    this.socket = socket;
    this.core = core;
    this.faults = faults;
    this.traffic = core.traffic();
    this.commandLog = commandLog;
    this.onClosed = onClosed;
  }

  void start() {
    core.bus().register(this);
    eventWriter = Thread.ofVirtual().name("esl-sim-events").start(this::writeEvents);
    Thread.ofVirtual().name("esl-sim-listener").start(this::serve);
  }

  @Override
  public void offer(SimulatedEvent event) {
    if (authenticated && !closed && subscription.wants(event) && passesMyEvents(event)) {
      pendingEvents.add(event);
      traffic.eventQueued();
    }
  }

  private boolean passesMyEvents(SimulatedEvent event) {
    if (!myEvents) {
      return true;
    }
    String uuid = event.header("Unique-ID");
    String bound = boundUuid;
    return uuid != null && (bound == null || bound.equals(uuid));
  }

  /** Un-stalling: writes every held frame, in order. */
  void release() {
    writeLock.lock();
    try {
      while (!held.isEmpty() && !closed) {
        writeRaw(held.poll());
      }
      held.clear();
      drained.signalAll();
    } catch (IOException e) {
      close();
    } finally {
      writeLock.unlock();
    }
  }

  void close() {
    if (closed) {
      return;
    }
    closed = true;
    core.bus().unregister(this);
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing is best effort; the peer may already be gone.
    }
    if (eventWriter != null) {
      eventWriter.interrupt();
    }
    onClosed.run();
  }

  private void serve() {
    try {
      PacketReader reader = new PacketReader(new BufferedInputStream(socket.getInputStream()));
      write(ServerFrames.authRequest());
      socket.setSoTimeout(FIRST_PACKET_TIMEOUT_MS);
      while (!closed) {
        ClientPacket packet = reader.next();
        if (packet == null) {
          break;
        }
        socket.setSoTimeout(0);
        commandLog.accept(masked(packet.commandLine()));
        if (!handleCounted(packet)) {
          awaitHeldFrames();
          break;
        }
      }
    } catch (SocketTimeoutException e) {
      log.debug("ESL client sent nothing within {} ms; closing", FIRST_PACKET_TIMEOUT_MS);
    } catch (IOException e) {
      if (!closed) {
        log.debug("ESL client connection ended: {}", e.toString());
      }
    } finally {
      close();
    }
  }

  /**
   * Handles one packet, counted as in progress from before its reply until its after-work is done.
   */
  private boolean handleCounted(ClientPacket packet) throws IOException {
    traffic.commandStarted();
    try {
      return handle(packet);
    } finally {
      traffic.commandFinished();
    }
  }

  /** Handles one packet; returns false when the connection must close. */
  private boolean handle(ClientPacket packet) throws IOException {
    String line = packet.commandLine();
    String verb = firstWord(line).toLowerCase(Locale.ROOT);
    String rest = line.length() > verb.length() ? line.substring(verb.length()).strip() : "";
    Runnable afterReply = null;
    writeLock.lock();
    try {
      if (verb.equals("exit") || verb.equals("...")) {
        reply(ServerFrames.commandReply("+OK bye"));
        reply(ServerFrames.disconnectNotice(ServerFrames.GOODBYE));
        return false;
      }
      if (!authenticated) {
        if (!verb.equals("auth")) {
          reply(ServerFrames.commandReply("-ERR command not found"));
          return true;
        }
        if (faults.refusingAuth() || !rest.equals(core.options().password())) {
          reply(ServerFrames.commandReply("-ERR invalid"));
          reply(ServerFrames.disconnectNotice(ServerFrames.GOODBYE));
          return false;
        }
        authenticated = true;
        reply(ServerFrames.commandReply("+OK accepted"));
        return true;
      }
      switch (verb) {
        case "api" -> {
          String[] commandAndArgs = splitCommand(rest);
          reply(ServerFrames.apiResponse(core.api(commandAndArgs[0], commandAndArgs[1])));
          if (faults.dropsAfter(commandAndArgs[0])) {
            // The events the command causes are lost with the link, as in a network failure.
            afterReply = faults::dropAllLinks;
          }
        }
        case "bgapi" -> {
          String[] commandAndArgs = splitCommand(rest);
          String requested = packet.header("Job-UUID");
          String jobUuid =
              requested == null || requested.isBlank() ? UUID.randomUUID().toString() : requested;
          reply(ServerFrames.backgroundJobAccepted(jobUuid));
          afterReply = () -> core.runBackgroundJob(jobUuid, commandAndArgs[0], commandAndArgs[1]);
        }
        case "event" -> reply(ServerFrames.commandReply(subscribe(rest)));
        case "nixevent" -> {
          subscription.nix(words(rest));
          reply(ServerFrames.commandReply("+OK events nixed"));
        }
        case "noevents" -> {
          boolean wasListening = subscription.clear();
          pendingEvents.clear();
          reply(
              ServerFrames.commandReply(
                  wasListening
                      ? "+OK no longer listening for events"
                      : "-ERR not listening for events"));
        }
        case "filter" -> reply(ServerFrames.commandReply(filter(rest)));
        case "sendmsg" ->
            reply(ServerFrames.commandReply(new SendMessage(core).deliver(rest, packet)));
        case "log" -> reply(ServerFrames.commandReply(logLevel(rest)));
        case "nolog" -> reply(ServerFrames.commandReply("+OK no longer logging"));
        case "myevents" -> reply(ServerFrames.commandReply(myEvents(rest)));
        case "linger", "nolinger" ->
            reply(ServerFrames.commandReply("-ERR not controlling a session"));
        default -> reply(ServerFrames.commandReply("-ERR command not found"));
      }
    } finally {
      writeLock.unlock();
    }
    if (afterReply != null) {
      afterReply.run();
    }
    return true;
  }

  private String subscribe(String rest) {
    List<String> tokens = words(rest);
    EventFormat format = EventFormat.PLAIN;
    if (!tokens.isEmpty()) {
      String first = tokens.get(0).toLowerCase(Locale.ROOT);
      if (first.equals("json")) {
        format = EventFormat.JSON;
        tokens = tokens.subList(1, tokens.size());
      } else if (first.equals("plain")) {
        tokens = tokens.subList(1, tokens.size());
      } else if (first.equals("xml")) {
        return "-ERR xml event format is not supported by the simulator";
      }
    }
    if (!subscription.subscribe(format, tokens)) {
      return "-ERR no keywords supplied";
    }
    return "+OK event listener enabled " + format.wireName();
  }

  /**
   * The reply texts of mod_event_socket's filter verb, including its "[name][value]" delete form.
   */
  private String filter(String rest) {
    String[] parts = rest.split(" ", 2);
    String name = parts[0];
    String value = parts.length > 1 ? parts[1].strip() : null;
    if (name.isEmpty() || value == null || value.isEmpty()) {
      return "-ERR invalid syntax";
    }
    if (name.equalsIgnoreCase("delete")) {
      String[] target = value.split(" ", 2);
      String targetValue = target.length > 1 ? target[1] : null;
      subscription.deleteFilter(target[0], targetValue);
      return "+OK filter deleted. ["
          + target[0]
          + "]["
          + (targetValue == null ? "" : targetValue)
          + "]";
    }
    if (name.equalsIgnoreCase("add")) {
      String[] target = value.split(" ", 2);
      if (target.length < 2) {
        return "-ERR invalid syntax";
      }
      name = target[0];
      value = target[1];
    }
    subscription.addFilter(name, value);
    return "+OK filter added. [" + name + "]=[" + value + "]";
  }

  private static String logLevel(String rest) {
    String level = rest.isBlank() ? "debug" : firstWord(rest);
    List<String> names =
        List.of("console", "alert", "crit", "err", "warning", "notice", "info", "debug");
    int number;
    try {
      number = Integer.parseInt(level);
    } catch (NumberFormatException e) {
      number = names.indexOf(level.toLowerCase(Locale.ROOT));
    }
    if (number < 0 || number > 7) {
      number = 7;
    }
    return "+OK log level " + level + " [" + number + "]";
  }

  private void writeEvents() {
    try {
      while (!closed) {
        SimulatedEvent event = pendingEvents.take();
        writeLock.lock();
        try {
          if (!closed) {
            if (held.isEmpty()) {
              writeRaw(ServerFrames.event(event, subscription.format()));
            } else {
              held.add(ServerFrames.event(event, subscription.format()));
            }
          }
        } finally {
          writeLock.unlock();
        }
        if (boundUuid != null
            && event.name().equals("CHANNEL_HANGUP")
            && boundUuid.equals(event.header("Unique-ID"))) {
          // A socket bound by myevents ends with its channel (MES:1473-1499). FreeSWITCH's notice
          // would carry Controlled-Session-UUID, which the Java decoders reject: send the plain
          // one.
          write(ServerFrames.disconnectNotice(ServerFrames.GOODBYE));
          awaitHeldFrames();
          close();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      close();
    }
  }

  private void write(byte[] frame) throws IOException {
    writeLock.lock();
    try {
      writeRaw(frame);
    } finally {
      writeLock.unlock();
    }
  }

  /** A command's reply: held while replies are stalled, and behind any frame already held. */
  private void reply(byte[] frame) throws IOException {
    if (faults.stallingReplies() || !held.isEmpty()) {
      held.add(frame);
    } else {
      writeRaw(frame);
    }
  }

  /** Waits until held frames are out; close() never takes the write lock, so this polls for it. */
  private void awaitHeldFrames() {
    writeLock.lock();
    try {
      while (!held.isEmpty() && !closed) {
        drained.await(50, java.util.concurrent.TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      writeLock.unlock();
    }
  }

  /** myevents on an inbound socket (MES:2063-2130), reply texts included, "aready" typo and all. */
  private String myEvents(String rest) {
    if (rest.isBlank()) {
      return "-ERR command not found";
    }
    if (myEvents) {
      return "-ERR aready enabled.";
    }
    String[] parts = rest.strip().split(" ", 2);
    String format = parts.length > 1 ? parts[1].strip() : null;
    boolean exists = core.leg(parts[0]) != null;
    if (!exists && format != null) {
      return "-ERR invalid uuid";
    }
    boundUuid = exists ? parts[0] : null;
    boolean json = rest.contains("json") || rest.contains("JSON");
    subscription.subscribe(json ? EventFormat.JSON : EventFormat.PLAIN, MY_EVENTS);
    myEvents = true;
    return "+OK Events Enabled";
  }

  private static final List<String> MY_EVENTS =
      List.of(
          "CHANNEL_ANSWER",
          "CHANNEL_APPLICATION",
          "CHANNEL_BRIDGE",
          "CHANNEL_CREATE",
          "CHANNEL_DATA",
          "CHANNEL_DESTROY",
          "CHANNEL_EXECUTE",
          "CHANNEL_EXECUTE_COMPLETE",
          "CHANNEL_HANGUP",
          "CHANNEL_HANGUP_COMPLETE",
          "CHANNEL_ORIGINATE",
          "CHANNEL_UUID",
          "CHANNEL_OUTGOING",
          "CHANNEL_PARK",
          "CHANNEL_PROGRESS",
          "CHANNEL_PROGRESS_MEDIA",
          "CHANNEL_STATE",
          "CHANNEL_UNBRIDGE",
          "CHANNEL_UNPARK",
          "DETECTED_SPEECH",
          "DTMF",
          "NOTALK",
          "TALK");

  private void writeRaw(byte[] frame) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(frame);
    out.flush();
  }

  private static String masked(String commandLine) {
    return commandLine.regionMatches(true, 0, "auth ", 0, 5) ? "auth ********" : commandLine;
  }

  private static String[] splitCommand(String rest) {
    int space = rest.indexOf(' ');
    return space < 0
        ? new String[] {rest, ""}
        : new String[] {rest.substring(0, space), rest.substring(space + 1)};
  }

  private static String firstWord(String text) {
    int space = text.indexOf(' ');
    return space < 0 ? text : text.substring(0, space);
  }

  private static List<String> words(String text) {
    return text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
  }
}
