/**
 * Child JVMs: starting one with its own log file, waiting until it reports ready, and stopping it politely then
 * forcibly. Also the tiny agent that makes a child exit when the launcher disappears without a chance to clean up.
 */
package wirewatch.local.process;
