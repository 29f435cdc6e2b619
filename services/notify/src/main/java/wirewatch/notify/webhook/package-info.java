/**
 * The webhook channel: alerts POSTed as signed Standard Webhooks (https://www.standardwebhooks.com) events, and
 * the policy that keeps webhook targets off loopback, private, link-local and cloud-metadata addresses, checked
 * when subscribing and again, on the very addresses connected to, on every attempt.
 */
package wirewatch.notify.webhook;
