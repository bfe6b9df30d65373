package io.irisx.activities.esl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bare inbound event socket for misbehaviours the simulator does not script: it authenticates,
 * answers {@code api status} and {@code event}, and never answers {@code api slow} — except that it
 * writes that lost reply late, just before the reply to the next command on the same socket, as a
 * switch that was merely slow would. Any other {@code api X} is answered {@code X-REPLY}.
 */
final class ScriptedEslServer implements AutoCloseable {
  private final ServerSocket server;
  private final AtomicInteger connections = new AtomicInteger();
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  ScriptedEslServer() throws IOException {
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread.ofVirtual().start(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  int connections() {
    return connections.get();
  }

  List<String> commands() {
    return List.copyOf(commands);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        sockets.add(socket);
        connections.incrementAndGet();
        Thread.ofVirtual().start(() -> serve(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      write(out, "Content-Type: auth/request\n\n");
      boolean owesSlowReply = false;
      String packet;
      while ((packet = readPacket(in)) != null) {
        commands.add(packet);
        if (packet.startsWith("auth ")) {
          write(out, "Content-Type: command/reply\nReply-Text: +OK accepted\n\n");
        } else if (packet.startsWith("event ")) {
          write(
              out, "Content-Type: command/reply\nReply-Text: +OK event listener enabled plain\n\n");
        } else if (packet.equals("api slow")) {
          owesSlowReply = true;
        } else if (packet.startsWith("api ")) {
          if (owesSlowReply) {
            write(out, apiResponse("SLOW-REPLY"));
            owesSlowReply = false;
          }
          String command = packet.substring(4).split(" ")[0];
          write(
              out,
              apiResponse(
                  command.equals("status")
                      ? "UP 0 years, 0 days\nFreeSWITCH is ready"
                      : command.toUpperCase() + "-REPLY"));
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static String apiResponse(String body) {
    byte[] bytes = (body + "\n").getBytes(StandardCharsets.US_ASCII);
    return "Content-Type: api/response\nContent-Length: " + bytes.length + "\n\n" + body + "\n";
  }

  private static void write(OutputStream out, String frame) throws IOException {
    out.write(frame.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** One command packet, up to the blank line; null at end of stream. */
  private static String readPacket(InputStream in) throws IOException {
    ByteArrayOutputStream packet = new ByteArrayOutputStream();
    int previous = -1;
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n' && previous == '\n') {
        return packet.toString(StandardCharsets.US_ASCII).strip();
      }
      packet.write(b);
      previous = b;
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
