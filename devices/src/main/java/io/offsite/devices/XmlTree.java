package io.offsite.devices;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an XML document into a small element tree with the JDK's StAX parser, XXE-safe: no DTD (a DOCTYPE is
 * refused outright), no external entities, no resolver, and bounded depth and element count.
 */
final class XmlTree {
    /** One element: local name, path from the root, attributes, trimmed text, children; {@code used} once mapped. */
    static final class Node {
        final String name;
        final String path;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final List<Node> children = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        boolean used;

        Node(String name, String path) {
            this.name = name;
            this.path = path;
        }

        String text() {
            return text.toString().strip();
        }

        /** The first child called {@code childName}, marked used, or {@code null}. */
        Node child(String childName) {
            for (Node c : children) {
                if (c.name.equals(childName)) {
                    c.used = true;
                    return c;
                }
            }
            return null;
        }

        /** All children called {@code childName}, marked used. */
        List<Node> all(String childName) {
            List<Node> found = new ArrayList<>();
            for (Node c : children) {
                if (c.name.equals(childName)) {
                    c.used = true;
                    found.add(c);
                }
            }
            return found;
        }
    }

    /** A parsed document: its root element and the root's namespace URI ({@code ""} when none). */
    record Doc(Node root, String namespace) {
    }

    private XmlTree() {
    }

    static Doc read(byte[] xml, int part, Limits limits) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource " + systemId + " refused");
        });
        XMLStreamReader r = null;
        List<Node> stack = new ArrayList<>();
        Node root = null;
        String namespace = "";
        int elements = 0;
        try {
            r = factory.createXMLStreamReader(new StringReader(decode(xml, part)));
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new DeviceMessageException("document", part, -1,
                            "a DOCTYPE is not allowed (DTDs and entities are refused)" + at(r.getLocation()));
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new DeviceMessageException(
                            stack.isEmpty() ? "document" : stack.get(stack.size() - 1).path, part, -1,
                            "entity reference &" + r.getLocalName() + "; is not allowed" + at(r.getLocation()));
                    case XMLStreamConstants.START_ELEMENT -> {
                        String name = r.getLocalName();
                        if (++elements > limits.maxElements()) {
                            throw new DeviceMessageException(pathOf(stack, name), part, -1, "more than "
                                    + limits.maxElements() + " elements (maxElements)" + at(r.getLocation()));
                        }
                        if (stack.size() >= limits.maxDepth()) {
                            throw new DeviceMessageException(pathOf(stack, name), part, -1, "nested deeper than "
                                    + limits.maxDepth() + " elements (maxDepth)" + at(r.getLocation()));
                        }
                        Node node = new Node(name, pathOf(stack, name));
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            node.attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                        if (stack.isEmpty()) {
                            root = node;
                            String ns = r.getNamespaceURI();
                            namespace = ns == null ? "" : ns;
                        } else {
                            stack.get(stack.size() - 1).children.add(node);
                        }
                        stack.add(node);
                    }
                    case XMLStreamConstants.END_ELEMENT -> stack.remove(stack.size() - 1);
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!stack.isEmpty()) {
                            stack.get(stack.size() - 1).text.append(r.getText());
                        }
                    }
                    default -> {
                        // comments, processing instructions, document start/end carry nothing we keep
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new DeviceMessageException(stack.isEmpty() ? "document" : stack.get(stack.size() - 1).path, part,
                    -1, "malformed XML: " + firstLine(e.getMessage()), e);
        } catch (DeviceMessageException e) {
            throw e;
        } catch (RuntimeException e) {
            // the JDK parser reports some broken encodings as unchecked exceptions
            throw new DeviceMessageException(stack.isEmpty() ? "document" : stack.get(stack.size() - 1).path, part,
                    -1, "malformed XML: " + e, e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing is held open: the input is an in-memory array
                }
            }
        }
        if (root == null) {
            throw new DeviceMessageException("document", part, -1, "no root element (empty or truncated XML)");
        }
        return new Doc(root, namespace);
    }

    /**
     * The document's characters: decoded here rather than by the JDK parser (which prints encoding errors to
     * stderr), strictly, in the encoding of the byte-order mark or the XML declaration (UTF-8 by default; old
     * firmware declares GBK), so a bad byte is reported with its offset.
     */
    static String decode(byte[] xml, int part) {
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (xml.length >= 3 && (xml[0] & 0xff) == 0xef && (xml[1] & 0xff) == 0xbb && (xml[2] & 0xff) == 0xbf) {
            skip = 3;
        } else if (xml.length >= 2 && (xml[0] & 0xff) == 0xfe && (xml[1] & 0xff) == 0xff) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (xml.length >= 2 && (xml[0] & 0xff) == 0xff && (xml[1] & 0xff) == 0xfe) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else {
            Matcher m = DECLARED.matcher(new String(xml, 0, Math.min(xml.length, 200), StandardCharsets.ISO_8859_1));
            if (m.lookingAt()) {
                try {
                    charset = Charset.forName(m.group(1));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    throw new DeviceMessageException("document", part, -1, "declared encoding '" + m.group(1)
                            + "' is not supported");
                }
            }
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(xml, skip, xml.length - skip);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new DeviceMessageException("document", part, in.position(), "bytes are not valid "
                    + charset.name());
        }
    }

    private static final Pattern DECLARED = Pattern.compile(
            "\\s*<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']");

    private static String pathOf(List<Node> stack, String name) {
        return stack.isEmpty() ? name : stack.get(stack.size() - 1).path + "/" + name;
    }

    private static String at(Location l) {
        return l == null ? "" : " at line " + l.getLineNumber() + " column " + l.getColumnNumber();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String m = message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl) + " " + m.substring(nl + 1).strip();
    }
}
