package com.ticketbounty.bench.subject;

/**
 * A subject's JVM: starts the kind the driver names, says {@code READY <queue>}, runs until the
 * driver says {@code STOP} (or closes stdin), then shuts down gracefully and exits. A subject that
 * cannot start (old jars under compare that do not link, a broker refusing) prints its error on
 * stderr and exits 2, which the driver reports with the log's path.
 */
public final class SubjectMain {
  private SubjectMain() {}

  /** One kind of subject, running from {@link #start} to {@link #close}. */
  interface Subject extends AutoCloseable {
    /** Starts consuming; answers the queue it consumes. */
    String start() throws Exception;
  }

  public static void main(String[] argv) throws Exception {
    SubjectArgs args = SubjectArgs.parse(argv);
    try (DriverLink link = new DriverLink()) {
      if (args.text("kind").equals("relay")) {
        RelaySubject.run(args, link);
        return;
      }
      Subject subject;
      try {
        subject = subject(args, link);
        link.say("READY " + subject.start());
      } catch (Throwable e) {
        e.printStackTrace();
        System.exit(2);
        return;
      }
      DriverLink.await("STOP");
      subject.close();
    }
    System.exit(0);
  }

  private static Subject subject(SubjectArgs args, DriverLink link) {
    return switch (args.text("kind")) {
      case "event-runtime" -> new EventRuntimeSubject(args, link);
      case "hand-written" -> new HandWrittenSubject(args, link);
      case "dbos" -> new DbosSubject(args, link);
      default -> throw new IllegalArgumentException("unknown subject " + args.text("kind"));
    };
  }
}
