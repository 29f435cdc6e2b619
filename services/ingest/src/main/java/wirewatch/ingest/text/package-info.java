/**
 * Turning the HTML (or plain text) publishers send into the plain text Wirewatch stores and classifies:
 * markup removed, entities decoded, whitespace normalised, and the line structure of paragraphs, line
 * breaks and list items kept, because the classifier reasons about sentences and lines.
 */
package wirewatch.ingest.text;
