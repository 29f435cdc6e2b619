/**
 * HTTP plumbing the API packages share: writing RFC 9457 problem responses from servlet filters, which
 * run before Spring MVC's exception handling can.
 */
package wirewatch.ingest.web;
