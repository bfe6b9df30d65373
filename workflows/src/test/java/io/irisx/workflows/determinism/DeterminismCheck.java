package io.irisx.workflows.determinism;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Reads compiled classes and names every call in them that would make workflow code
 * non-deterministic: clocks, randomness, threads, files, sockets, the environment, the console, and
 * static state that changes. Replay re-runs workflow code and needs the same decisions from the
 * same history; each of these can answer differently the second time.
 *
 * <p>The workflows module holds nothing but workflow code and the records it exchanges, so every
 * class of it is read, not only those reachable from a workflow method. Calls into libraries are
 * judged by the library member called (the SDK's {@code Workflow} API is the allowed way to the
 * clock, randomness and sleeping).
 */
final class DeterminismCheck {

  /**
   * One call or field access that replay cannot trust: where it is ({@code place}, as {@code
   * package.Class.method}), what it reaches ({@code member}) and why that is a problem.
   */
  record Finding(String place, int line, String member, String why) {
    String method() {
      return place.substring(place.lastIndexOf('.') + 1);
    }

    @Override
    public String toString() {
      return place + " (line " + line + ") -> " + member + ": " + why;
    }
  }

  /** Members by owner and name; a name of {@code *} bans every member of the owner. */
  private record Banned(String owner, String name, String why) {
    boolean matches(String owner, String name) {
      return (this.owner.endsWith("/") ? owner.startsWith(this.owner) : owner.equals(this.owner))
          && (this.name.equals("*") || this.name.equals(name));
    }
  }

  private static final List<Banned> CALLS =
      List.of(
          new Banned("java/lang/System", "currentTimeMillis", "the wall clock"),
          new Banned("java/lang/System", "nanoTime", "the wall clock"),
          new Banned("java/lang/System", "getenv", "the environment"),
          new Banned("java/lang/System", "getProperty", "configuration read at run time"),
          new Banned("java/lang/System", "getProperties", "configuration read at run time"),
          new Banned("java/lang/System", "setProperty", "process-wide state"),
          new Banned("java/lang/System", "exit", "ends the process"),
          new Banned("java/lang/Runtime", "*", "the process"),
          new Banned("java/lang/Thread", "*", "a thread outside the SDK"),
          new Banned("java/lang/ProcessBuilder", "*", "a process"),
          new Banned("java/lang/Math", "random", "randomness"),
          new Banned("java/lang/StrictMath", "random", "randomness"),
          new Banned("java/util/UUID", "randomUUID", "randomness"),
          new Banned("java/util/Random", "*", "randomness"),
          new Banned("java/security/SecureRandom", "*", "randomness"),
          new Banned("java/util/concurrent/ThreadLocalRandom", "*", "randomness"),
          new Banned("java/time/Clock", "*", "the wall clock"),
          new Banned("java/time/", "now", "the wall clock"),
          new Banned("java/util/Timer", "*", "a thread outside the SDK"),
          new Banned("java/util/concurrent/Executors", "*", "a thread outside the SDK"),
          new Banned("java/util/concurrent/ExecutorService", "*", "a thread outside the SDK"),
          new Banned("java/util/concurrent/CompletableFuture", "*", "a thread outside the SDK"),
          new Banned("java/util/concurrent/ForkJoinPool", "*", "a thread outside the SDK"),
          new Banned("java/io/File", "*", "the file system"),
          new Banned("java/io/FileInputStream", "*", "the file system"),
          new Banned("java/io/FileOutputStream", "*", "the file system"),
          new Banned("java/io/FileReader", "*", "the file system"),
          new Banned("java/io/FileWriter", "*", "the file system"),
          new Banned("java/io/RandomAccessFile", "*", "the file system"),
          new Banned("java/nio/file/", "*", "the file system"),
          new Banned("java/nio/channels/", "*", "I/O"),
          new Banned("java/net/Socket", "*", "the network"),
          new Banned("java/net/ServerSocket", "*", "the network"),
          new Banned("java/net/DatagramSocket", "*", "the network"),
          new Banned("java/net/URL", "*", "the network (URL's equals and hashCode resolve names)"),
          new Banned("java/net/URLConnection", "*", "the network"),
          new Banned("java/net/HttpURLConnection", "*", "the network"),
          new Banned("java/net/http/", "*", "the network"),
          new Banned("java/net/InetAddress", "getByName", "a name lookup"),
          new Banned("java/net/InetAddress", "getAllByName", "a name lookup"),
          new Banned("java/net/InetAddress", "getLocalHost", "the machine's own name"),
          new Banned("java/net/InetAddress", "getHostName", "a reverse name lookup"),
          new Banned("java/net/InetAddress", "getCanonicalHostName", "a reverse name lookup"),
          new Banned("java/net/InetAddress", "isReachable", "the network"),
          new Banned("java/sql/", "*", "a database"),
          new Banned("io/temporal/client/", "*", "a Temporal client call from workflow code"),
          new Banned("io/temporal/serviceclient/", "*", "a Temporal service call"),
          new Banned("io/irisx/temporal/TemporalConnection", "*", "a Temporal connection"),
          new Banned("io/irisx/temporal/NamespaceSetup", "*", "a Temporal service call"),
          new Banned("io/irisx/temporal/ops/", "*", "the process's operations kit"));

  private static final List<Banned> FIELDS =
      List.of(
          new Banned("java/lang/System", "out", "the console"),
          new Banned("java/lang/System", "err", "the console"),
          new Banned("java/lang/System", "in", "the console"));

  private DeterminismCheck() {}

  /** Every finding in the classes under a compiled-classes folder. */
  static List<Finding> scanFolder(Path classes) {
    List<byte[]> all = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(classes)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
        all.add(Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (all.isEmpty()) {
      throw new IllegalStateException("no classes under " + classes);
    }
    return scan(all);
  }

  /** Every finding in these classes, read together (for the static fields they share). */
  static List<Finding> scan(List<byte[]> classFiles) {
    Set<String> mutableStatics = new HashSet<>();
    for (byte[] bytes : classFiles) {
      new ClassReader(bytes).accept(new StaticFields(mutableStatics), ClassReader.SKIP_CODE);
    }
    List<Finding> findings = new ArrayList<>();
    for (byte[] bytes : classFiles) {
      new ClassReader(bytes).accept(new Calls(mutableStatics, findings), 0);
    }
    return findings;
  }

  /** Collects the static fields that are not final: state every workflow in the JVM shares. */
  private static final class StaticFields extends ClassVisitor {
    private final Set<String> mutableStatics;
    private String className;

    StaticFields(Set<String> mutableStatics) {
      super(Opcodes.ASM9);
      this.mutableStatics = mutableStatics;
    }

    @Override
    public void visit(
        int version, int access, String name, String sig, String superName, String[] ifaces) {
      className = name;
    }

    @Override
    public FieldVisitor visitField(
        int access, String name, String descriptor, String signature, Object value) {
      if ((access & Opcodes.ACC_STATIC) != 0 && (access & Opcodes.ACC_FINAL) == 0) {
        mutableStatics.add(className + "." + name);
      }
      return null;
    }
  }

  private static final class Calls extends ClassVisitor {
    private final Set<String> mutableStatics;
    private final List<Finding> findings;
    private String className;

    Calls(Set<String> mutableStatics, List<Finding> findings) {
      super(Opcodes.ASM9);
      this.mutableStatics = mutableStatics;
      this.findings = findings;
    }

    @Override
    public void visit(
        int version, int access, String name, String sig, String superName, String[] ifaces) {
      className = name;
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String method, String descriptor, String signature, String[] exceptions) {
      return new MethodVisitor(Opcodes.ASM9) {
        private int line;

        @Override
        public void visitLineNumber(int number, Label start) {
          line = number;
        }

        @Override
        public void visitMethodInsn(
            int opcode, String owner, String name, String desc, boolean isInterface) {
          for (Banned banned : CALLS) {
            if (banned.matches(owner, name)) {
              report(owner.replace('/', '.') + "." + name, banned.why());
              return;
            }
          }
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String desc) {
          for (Banned banned : FIELDS) {
            if (banned.matches(owner, name)) {
              report(owner.replace('/', '.') + "." + name, banned.why());
              return;
            }
          }
          boolean isStatic = opcode == Opcodes.GETSTATIC || opcode == Opcodes.PUTSTATIC;
          if (isStatic && mutableStatics.contains(owner + "." + name)) {
            report(owner.replace('/', '.') + "." + name, "a static field that is not final");
          } else if (opcode == Opcodes.PUTSTATIC && !method.equals("<clinit>")) {
            report(owner.replace('/', '.') + "." + name, "a static field written after start-up");
          }
        }

        private void report(String member, String why) {
          findings.add(new Finding(className.replace('/', '.') + "." + method, line, member, why));
        }
      };
    }
  }
}
