/**
 * The small web server of the local run (JDK {@code HttpServer}) and the HTML helpers its pages share. Every value a
 * page shows comes from outside (mail, webhooks) and goes through {@link wirewatch.local.web.Html#escape}.
 */
package wirewatch.local.web;
