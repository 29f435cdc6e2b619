/**
 * The webhook channel: alerts POSTed as signed Standard Webhooks (https://www.standardwebhooks.com) events, and
 * the policy that keeps webhook targets off loopback, private, link-local and cloud-metadata addresses.
 */
package wirewatch.notify.webhook;
