/**
 * The {@code rules} command line of the classify jar ({@code java -jar classify.jar rules check|eval ...}): checks a
 * rule directory and evaluates a rule set against a labelled corpus for rule authors and CI. It runs as plain Java
 * from {@code ClassifyApplication.main}, before and instead of Spring, so it needs no broker, database or port and
 * answers in about a second.
 */
package wirewatch.classify.cli;
