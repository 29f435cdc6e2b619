/**
 * What a person needs to see the flow at once: a webhook and an email subscription for every category (created once,
 * remembered in {@code demo.json}, the email one confirmed through its own opt-in mail) and the seed story as a
 * ready-to-post JSON file.
 */
package wirewatch.local.demo;
