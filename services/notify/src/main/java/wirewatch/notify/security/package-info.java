/** The bearer API key that guards {@code /api/**}; the opt-in pages and Actuator stay public. */
package wirewatch.notify.security;
