/**
 * The webhook channel: alerts POSTed as signed Standard Webhooks (https://www.standardwebhooks.com) events;
 * secret rotation ({@code POST /api/subscriptions/{id}/secret}: old and new secrets both sign during an overlap); and
 * the policy that keeps webhook targets off loopback, private, link-local and cloud-metadata addresses, checked
 * when subscribing and again, on the very addresses connected to, on every attempt.
 */
package wirewatch.notify.webhook;
