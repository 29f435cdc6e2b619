package wirewatch.ingest.feed.reader;

import java.io.IOException;
import java.io.StringReader;

import com.rometools.rome.io.impl.XmlFixerReader;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.xml.sax.InputSource;

/**
 * XML text to a JDOM tree without ever leaving the document: no external entities, no external DTD, and
 * any entity the parser still asks for resolves to nothing. Internal doctypes stay allowed (old RSS 0.91
 * feeds carry Netscape's); the JDK parser's entity expansion limits stop billion-laughs documents. ROME's
 * {@link XmlFixerReader} first turns the HTML entities feeds love ({@code &nbsp;}, {@code &eacute;}) into
 * character references, since no DTD declares them.
 */
final class SafeXml {

    private SafeXml() {
    }

    static Document parse(String xml) throws JDOMException, IOException {
        var builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        builder.setExpandEntities(false);
        return builder.build(new XmlFixerReader(new StringReader(xml)));
    }
}
