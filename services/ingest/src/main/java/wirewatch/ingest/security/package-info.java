/**
 * Who may call the API: every {@code /api/**} request must carry {@code Authorization: Bearer <key>} with
 * the configured key ({@code wirewatch.api.key}); actuator and OpenAPI endpoints stay open.
 */
package wirewatch.ingest.security;
