package wirewatch.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTests {

    @Test
    void keepsParagraphsAndLineBreaksAsLines() {
        var html = """
                <p>Putin has laid out   his terms.
                   They include a written pledge.</p>
                <p>Second paragraph<br>with a break.</p>""";

        assertThat(PlainText.lines(html)).isEqualTo("""
                Putin has laid out his terms. They include a written pledge.
                Second paragraph
                with a break.""");
    }

    @Test
    void keepsEachListItemOnItsOwnLine() {
        var html = "<p>Conditions:</p><ul><li>Ukraine&rsquo;s <b>neutrality</b></li>\n<li>lifting of sanctions</li>"
                + "<li> </li></ul><ol><li>frozen assets</li></ol>";

        assertThat(PlainText.lines(html)).isEqualTo("""
                Conditions:
                - Ukraine’s neutrality
                - lifting of sanctions
                - frozen assets""");
    }

    @Test
    void decodesEntitiesAndNormalisesWhitespace() {
        assertThat(PlainText.line("AT&amp;T&nbsp;&nbsp;and\tthe  &quot;deal&quot; &#8211; &lt;b&gt;"))
                .isEqualTo("AT&T and the \"deal\" – <b>");
    }

    @Test
    void treatsNewlinesOfPlainTextAsLines() {
        var text = "Other Key Conditions\r\nIn addition:\n- Ukraine’s neutrality\n\n- lifting of some sanctions  \n";

        assertThat(PlainText.lines(text)).isEqualTo("""
                Other Key Conditions
                In addition:
                - Ukraine’s neutrality
                - lifting of some sanctions""");
    }

    @Test
    void collapsesEveryKindOfSpaceInPlainTextAndDropsEmptyBullets() {
        var text = "\u2003 Kyiv\u00a0\u00a0and\tMoscow \u2009agreed.\n  -  \nMore\u202fto come.\u3000";

        assertThat(PlainText.lines(text)).isEqualTo("Kyiv and Moscow agreed.\nMore to come.");
        assertThat(PlainText.line(text)).isEqualTo("Kyiv and Moscow agreed. More to come.");
    }

    @Test
    void readsALoneAngleBracketOrAmpersandAsText() {
        assertThat(PlainText.line("Oil < $60 &  gas > $3")).isEqualTo("Oil < $60 & gas > $3");
    }

    @Test
    void dropsScriptsStylesAndComments() {
        var html = "<style>p{color:red}</style><p>Text<script>alert(1)</script><!-- note --></p><noscript>x</noscript>";

        assertThat(PlainText.lines(html)).isEqualTo("Text");
    }

    @Test
    void keepsPreformattedLines() {
        assertThat(PlainText.lines("<div>Table:</div><pre>a  1\nb  2</pre>")).isEqualTo("Table:\na 1\nb 2");
    }

    @Test
    void makesATitleOneLine() {
        assertThat(PlainText.line("<h1>Peace <em>terms</em></h1><br>\n  revealed ")).isEqualTo("Peace terms revealed");
    }

    @Test
    void givesEmptyTextForNothing() {
        assertThat(PlainText.lines(null)).isEmpty();
        assertThat(PlainText.lines(" <p> </p> ")).isEmpty();
        assertThat(PlainText.line("<b></b>")).isEmpty();
    }
}
