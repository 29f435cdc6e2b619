/**
 * A webhook receiver for the local run and for end-to-end tests: it records every delivery, checks its Standard
 * Webhooks signature with code of its own (independent of notify's signer, so a bug there shows up here), and shows
 * what arrived on a page.
 */
package wirewatch.local.webhook;
