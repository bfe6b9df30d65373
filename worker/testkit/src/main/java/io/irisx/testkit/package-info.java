/**
 * The call-flow test kit: runs a flow in the real call workflow, with the real activities, against
 * the ESL simulator over TCP, on Temporal's time-skipping test server, with a scripted caller.
 * Start at {@link io.irisx.testkit.FlowTestKit}; see docs/call-flows.md.
 */
package io.irisx.testkit;
