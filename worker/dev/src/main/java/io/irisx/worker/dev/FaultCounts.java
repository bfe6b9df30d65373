package io.irisx.worker.dev;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * What one fault did to the calls and webhooks made around it, counted exactly.
 *
 * @param answered201 calls the API answered 201
 * @param refused calls answered otherwise (no call exists for them)
 * @param ended of the 201 calls, those that reached a final status (their CDR)
 * @param nullCauses ended calls whose CDR has no hangup cause
 * @param duplicateOriginates calls the switch was asked to originate more than once
 * @param webhookRows deliveries made for the calls' events (published)
 * @param delivered of those, the ones whose event the receiver got (by {@code webhook-id})
 * @param pending deliveries still pending when the run stopped waiting (stuck)
 * @param failed deliveries that ended failed or canceled
 * @param outOfOrder calls whose events reached the receiver out of sequence
 * @param received requests the receiver got for these calls, repeats included
 */
record FaultCounts(
    String fault,
    Duration outage,
    int answered201,
    int refused,
    int ended,
    int nullCauses,
    int duplicateOriginates,
    int webhookRows,
    int delivered,
    int pending,
    int failed,
    int outOfOrder,
    int received) {

  /** Nothing lost, nothing stuck, nothing twice, nothing out of order. */
  boolean holds() {
    return ended == answered201
        && nullCauses == 0
        && duplicateOriginates == 0
        && webhookRows == delivered
        && pending == 0
        && failed == 0
        && outOfOrder == 0
        && webhookRows >= 2 * answered201;
  }

  static void print(List<FaultCounts> runs, PrintStream out) {
    String format = "%-10s %7s %9s %8s %6s %11s %10s %10s %10s %8s %7s %9s %9s %6s%n";
    out.printf(
        format,
        "fault",
        "outage",
        "calls 201",
        "refused",
        "ended",
        "null cause",
        "dup origin",
        "published",
        "delivered",
        "pending",
        "failed",
        "disorder",
        "requests",
        "holds");
    for (FaultCounts c : runs) {
      out.printf(
          format,
          c.fault,
          c.outage.toSeconds() + " s",
          c.answered201,
          c.refused,
          c.ended,
          c.nullCauses,
          c.duplicateOriginates,
          c.webhookRows,
          c.delivered,
          c.pending,
          c.failed,
          c.outOfOrder,
          c.received,
          c.holds() ? "yes" : "NO");
    }
  }
}
