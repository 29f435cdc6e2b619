/**
 * Measuring a rule set against a labelled corpus: reading the JSON Lines corpus format of the design, classifying
 * every story with a {@code CompiledRuleSet} exactly as the service does, scoring each category (precision,
 * recall, F1, stance accuracy) and rendering the report that {@code rules eval} prints and the build gate checks.
 * Plain Java, no Spring container.
 */
package wirewatch.classify.evaluation;
