/**
 * The load harness ({@code deploy/load/run}): drives a running stack at a fixed rate of stories per second for a
 * bounded time, open loop, and measures story→webhook latency at its own signed-webhook receiver.
 * {@link wirewatch.local.load.LoadRun} wires it; the pure parts — {@link wirewatch.local.load.Schedule},
 * {@link wirewatch.local.load.Percentiles}, {@link wirewatch.local.load.StoryGenerator} — have no I/O.
 */
package wirewatch.local.load;
