package wirewatch.ingest.feed.reader;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A feed document's bytes as text, and the charset they were read in. The charset is chosen the way
 * feedparser and RFC 3023 say, checked against the bytes, and replaced by the next plausible one when the
 * bytes are not valid in it, because real feeds often declare one charset and are written in another:
 * <ol>
 * <li>a byte order mark, which cannot be there by accident;</li>
 * <li>the {@code charset} parameter of the HTTP {@code Content-Type};</li>
 * <li>for {@code text/*} types without one, US-ASCII (RFC 3023);</li>
 * <li>the XML declaration's {@code encoding}, or UTF-16/32 recognised from how {@code <?xml} is laid out;</li>
 * <li>UTF-8.</li>
 * </ol>
 * When the bytes are not valid in the chosen charset, the XML declaration's, UTF-8 and windows-1252 are
 * tried in turn (windows-1252 is what mislabelled Western feeds nearly always are); if none fits, the first
 * choice is used with the invalid bytes replaced by U+FFFD, so a few bad bytes never cost a whole feed.
 */
record DocumentText(String text, Charset charset) {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern CHARSET_PARAM =
            Pattern.compile("(?i);\\s*charset\\s*=\\s*[\"']?([^\"';\\s]+)");
    private static final Pattern XML_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([^\"']+)[\"']");

    static DocumentText decode(byte[] document, String contentType) {
        var bom = Bom.of(document);
        var declared = declaredEncoding(document, bom);
        var candidates = new LinkedHashSet<Charset>();
        if (bom.isPresent()) {
            candidates.add(bom.get().charset());
        }
        httpCharset(contentType).ifPresent(candidates::add);
        if (candidates.isEmpty() && isText(contentType)) {
            candidates.add(StandardCharsets.US_ASCII);
        }
        declared.ifPresent(candidates::add);
        candidates.add(StandardCharsets.UTF_8);
        candidates.add(WINDOWS_1252);

        var skip = bom.map(Bom::length).orElse(0);
        var bytes = ByteBuffer.wrap(document, skip, document.length - skip);
        for (var charset : candidates) {
            var text = strictly(bytes.duplicate(), charset);
            if (text.isPresent()) {
                return new DocumentText(text.get(), charset);
            }
        }
        var first = candidates.iterator().next();
        return new DocumentText(new String(document, skip, document.length - skip, first), first);
    }

    private static Optional<String> strictly(ByteBuffer bytes, Charset charset) {
        try {
            var decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            return Optional.of(decoder.decode(bytes).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    static Optional<Charset> httpCharset(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        var matcher = CHARSET_PARAM.matcher(contentType);
        return matcher.find() ? charset(matcher.group(1)) : Optional.empty();
    }

    private static boolean isText(String contentType) {
        return contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("text/");
    }

    /** The XML declaration's encoding, or the UTF-16/32 flavour its byte layout gives away without a BOM. */
    private static Optional<Charset> declaredEncoding(byte[] document, Optional<Bom> bom) {
        var layout = bom.map(Bom::charset).or(() -> layoutWithoutBom(document));
        var skip = bom.map(Bom::length).orElse(0);
        var prefixLength = Math.min(document.length - skip, 1024);
        var prefix = new String(document, skip, prefixLength, layout.orElse(StandardCharsets.ISO_8859_1));
        var matcher = XML_ENCODING.matcher(prefix);
        // Bytes laid out as UTF-16/32 are that, whatever the declaration names (often just "utf-16").
        if (layout.isPresent() || !matcher.find()) {
            return layout;
        }
        return charset(matcher.group(1));
    }

    private static Optional<Charset> layoutWithoutBom(byte[] d) {
        if (d.length < 4) {
            return Optional.empty();
        }
        if (d[0] == 0 && d[1] == 0 && d[2] == 0 && d[3] == '<') {
            return charset("UTF-32BE");
        }
        if (d[0] == '<' && d[1] == 0 && d[2] == 0 && d[3] == 0) {
            return charset("UTF-32LE");
        }
        if (d[0] == 0 && d[1] == '<') {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (d[0] == '<' && d[1] == 0) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    /**
     * A charset by its label, widened to the superset that real documents so labelled use: GB2312 text is
     * decoded as GB18030 (as feedparser does), since the subset's decoder rejects common characters.
     */
    static Optional<Charset> charset(String label) {
        var name = label.strip().toLowerCase(Locale.ROOT);
        if (name.equals("gb2312") || name.equals("gbk")) {
            name = "gb18030";
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    private record Bom(Charset charset, int length) {

        static Optional<Bom> of(byte[] d) {
            if (startsWith(d, 0x00, 0x00, 0xFE, 0xFF)) {
                return DocumentText.charset("UTF-32BE").map(c -> new Bom(c, 4));
            }
            if (startsWith(d, 0xFF, 0xFE, 0x00, 0x00)) {
                return DocumentText.charset("UTF-32LE").map(c -> new Bom(c, 4));
            }
            if (startsWith(d, 0xEF, 0xBB, 0xBF)) {
                return Optional.of(new Bom(StandardCharsets.UTF_8, 3));
            }
            if (startsWith(d, 0xFE, 0xFF)) {
                return Optional.of(new Bom(StandardCharsets.UTF_16BE, 2));
            }
            if (startsWith(d, 0xFF, 0xFE)) {
                return Optional.of(new Bom(StandardCharsets.UTF_16LE, 2));
            }
            return Optional.empty();
        }

        private static boolean startsWith(byte[] d, int... prefix) {
            if (d.length < prefix.length) {
                return false;
            }
            for (var i = 0; i < prefix.length; i++) {
                if ((d[i] & 0xFF) != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
