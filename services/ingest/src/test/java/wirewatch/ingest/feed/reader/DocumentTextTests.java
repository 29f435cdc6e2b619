package wirewatch.ingest.feed.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DocumentTextTests {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Test
    void takesTheHttpCharsetEvenOverTheDeclaration() {
        var decoded = DocumentText.decode(
                "<?xml version='1.0' encoding='iso-8859-1'?><a/>".getBytes(StandardCharsets.US_ASCII),
                "application/xml; charset=\"us-ascii\"");

        assertThat(decoded.charset()).isEqualTo(StandardCharsets.US_ASCII);
    }

    @Test
    void readsTextTypesWithoutCharsetAsAsciiWhileTheBytesAllowIt() {
        var ascii = DocumentText.decode("<?xml version='1.0' encoding='iso-8859-1'?><a/>".getBytes(
                StandardCharsets.US_ASCII), "text/xml");
        var latin = DocumentText.decode("<?xml version='1.0' encoding='iso-8859-1'?><a>\u00e9</a>".getBytes(
                StandardCharsets.ISO_8859_1), "text/xml");

        assertThat(ascii.charset()).isEqualTo(StandardCharsets.US_ASCII);
        assertThat(latin.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(latin.text()).contains("<a>\u00e9</a>");
    }

    @Test
    void takesTheDeclarationForXmlTypesAndUtf8Otherwise() {
        var declared = DocumentText.decode("<?xml version=\"1.0\" encoding=\"windows-1251\"?><a>\u0416</a>"
                .getBytes(Charset.forName("windows-1251")), "application/rss+xml");
        var undeclared = DocumentText.decode("<a>\u0416</a>".getBytes(StandardCharsets.UTF_8), null);

        assertThat(declared.text()).endsWith("<a>\u0416</a>");
        assertThat(undeclared.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void recognisesUtf16WithoutAByteOrderMarkFromItsLayout() {
        var decoded = DocumentText.decode("<?xml version=\"1.0\" encoding=\"utf-16\"?><a/>"
                .getBytes(StandardCharsets.UTF_16LE), null);

        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(decoded.text()).startsWith("<?xml");
    }

    @Test
    void dropsTheByteOrderMark() {
        var bytes = new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '<', 'a', '/', '>'};

        assertThat(DocumentText.decode(bytes, null)).isEqualTo(new DocumentText("<a/>", StandardCharsets.UTF_8));
    }

    @Test
    void fallsBackWhenTheDeclaredCharsetDoesNotFitTheBytes() {
        var mislabelled = DocumentText.decode("<?xml version=\"1.0\" encoding=\"utf-8\"?><a>\u201cq\u201d</a>"
                .getBytes(WINDOWS_1252), null);

        assertThat(mislabelled.charset()).isEqualTo(WINDOWS_1252);
        assertThat(mislabelled.text()).endsWith("<a>\u201cq\u201d</a>");
    }

    @Test
    void widensGb2312AndIgnoresUnknownLabels() {
        assertThat(DocumentText.charset("GB2312")).contains(Charset.forName("GB18030"));
        assertThat(DocumentText.charset("bogus")).isEmpty();
        assertThat(DocumentText.httpCharset("text/xml; charset:iso-8859-1")).isEmpty();
    }
}
