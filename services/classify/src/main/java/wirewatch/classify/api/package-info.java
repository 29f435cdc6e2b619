/**
 * The HTTP API for rule authors and operators: a dry-run classification and the loaded rule set, behind the
 * bearer API key, with RFC 9457 problem responses.
 */
package wirewatch.classify.api;
