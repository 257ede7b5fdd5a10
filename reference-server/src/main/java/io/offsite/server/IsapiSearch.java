package io.offsite.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The XML of Hikvision ISAPI recorder playback: the {@code CMSearchDescription} posted to
 * {@code /ISAPI/ContentMgmt/search}, its {@code CMSearchResult} (or a {@code ResponseStatus} error), and the
 * {@code downloadRequest} for {@code /ISAPI/ContentMgmt/download}. Times are UTC; the recorder's XML is parsed with
 * DTDs and external entities refused.
 */
final class IsapiSearch {
    /** Track of a channel's main-stream video ({@code channel×100+1}). */
    static final int VIDEO_TRACK = 1;
    /** Track of a channel's captured pictures ({@code channel×100+3}). */
    static final int PICTURE_TRACK = 3;

    private static final DateTimeFormatter XML_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter URI_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private IsapiSearch() {
    }

    /** One recorded segment or picture: its time span and the recorder's playback URI for it. */
    record Match(Instant start, Instant end, String playbackUri) {
    }

    /** One page of a search: {@code OK}, {@code MORE} or {@code NO MATCHES}, and its matches. */
    record Page(String status, List<Match> matches) {
        boolean more() {
            return status.equalsIgnoreCase("MORE");
        }
    }

    /** A recorder's answer that is not the expected XML. */
    static final class MalformedAnswer extends RuntimeException {
        MalformedAnswer(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The search for {@code track} ({@code channel×100+kind}) over [{@code from}, {@code until}], seconds widened. */
    static String description(String searchId, int track, Instant from, Instant until, int maxResults, int position) {
        Instant end = until.truncatedTo(ChronoUnit.SECONDS);
        if (end.isBefore(until)) {
            end = end.plusSeconds(1);
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<CMSearchDescription version=\"2.0\" xmlns=\"http://www.isapi.org/ver20/XMLSchema\">\n"
                + "<searchID>" + escape(searchId) + "</searchID>\n"
                + "<trackIDList><trackID>" + track + "</trackID></trackIDList>\n"
                + "<timeSpanList><timeSpan><startTime>" + XML_TIME.format(from.truncatedTo(ChronoUnit.SECONDS))
                + "</startTime><endTime>" + XML_TIME.format(end) + "</endTime></timeSpan></timeSpanList>\n"
                + "<maxResults>" + maxResults + "</maxResults>\n"
                + "<searchResultPostion>" + position + "</searchResultPostion>\n"
                + "<metadataList><metadataDescriptor>//recordType.meta.std-cgi.com</metadataDescriptor></metadataList>\n"
                + "</CMSearchDescription>\n";
    }

    /** The body of {@code /ISAPI/ContentMgmt/download} for one playback URI. */
    static String downloadRequest(String playbackUri) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<downloadRequest version=\"1.0\" xmlns=\"http://www.isapi.org/ver20/XMLSchema\">\n"
                + "<playbackURI>" + escape(playbackUri) + "</playbackURI>\n</downloadRequest>\n";
    }

    /**
     * The recorder's playback URI narrowed to [{@code from}, {@code until}] ({@code starttime}/{@code endtime} in the
     * compact UTC form ISAPI uses); {@code name} and {@code size} name one file and are dropped unless
     * {@code oneFile}.
     */
    static String narrowed(String playbackUri, Instant from, Instant until, boolean oneFile) {
        int q = playbackUri.indexOf('?');
        String base = q < 0 ? playbackUri : playbackUri.substring(0, q);
        StringBuilder uri = new StringBuilder(base).append("?starttime=").append(URI_TIME.format(from))
                .append("&endtime=").append(URI_TIME.format(until));
        if (q >= 0) {
            for (String p : playbackUri.substring(q + 1).split("&")) {
                String key = p.contains("=") ? p.substring(0, p.indexOf('=')) : p;
                boolean time = key.equalsIgnoreCase("starttime") || key.equalsIgnoreCase("endtime");
                boolean file = key.equalsIgnoreCase("name") || key.equalsIgnoreCase("size");
                if (!p.isEmpty() && !time && (oneFile || !file)) {
                    uri.append('&').append(p);
                }
            }
        }
        return uri.toString();
    }

    /**
     * Parses a {@code CMSearchResult}.
     *
     * @throws MalformedAnswer when it is not well-formed XML, not a search result, or a match lacks its times or URI
     * @throws IllegalStateException when the recorder answered a {@code ResponseStatus} error (its status is the
     *                               message)
     */
    static Page parse(byte[] xml) {
        Element root = document(xml).getDocumentElement();
        if (root.getLocalName().equals("ResponseStatus")) {
            throw new IllegalStateException("recorder refused the search: " + status(root));
        }
        if (!root.getLocalName().equals("CMSearchResult")) {
            throw new MalformedAnswer("expected a CMSearchResult, got <" + root.getLocalName() + ">", null);
        }
        String status = text(root, "responseStatusStrg").orElse("OK");
        List<Match> matches = new ArrayList<>();
        NodeList items = root.getElementsByTagNameNS("*", "searchMatchItem");
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            Element span = child(item, "timeSpan");
            Element media = child(item, "mediaSegmentDescriptor");
            Optional<String> uri = media == null ? Optional.empty() : text(media, "playbackURI");
            if (span == null || uri.isEmpty()) {
                throw new MalformedAnswer("searchMatchItem " + i + " has no timeSpan or playbackURI", null);
            }
            matches.add(new Match(time(span, "startTime"), time(span, "endTime"), uri.get()));
        }
        return new Page(status, matches);
    }

    /** The recorder's {@code ResponseStatus} in one line, when the body is one; else empty. */
    static Optional<String> responseStatus(byte[] body) {
        try {
            Element root = document(body).getDocumentElement();
            return root.getLocalName().equals("ResponseStatus") ? Optional.of(status(root)) : Optional.empty();
        } catch (MalformedAnswer e) {
            return Optional.empty();
        }
    }

    /** The parts of [{@code from}, {@code until}] the matches cover (joined where they touch, within 1 s). */
    static List<Match> covered(List<Match> matches, Instant from, Instant until) {
        List<Match> sorted = matches.stream().filter(m -> m.end().isAfter(from) && m.start().isBefore(until))
                .sorted(Comparator.comparing(Match::start)).toList();
        List<Match> out = new ArrayList<>();
        for (Match m : sorted) {
            Instant s = m.start().isBefore(from) ? from : m.start();
            Instant e = m.end().isAfter(until) ? until : m.end();
            Match last = out.isEmpty() ? null : out.getLast();
            if (last != null && !s.isAfter(last.end().plus(Duration.ofSeconds(1)))) {
                out.set(out.size() - 1, new Match(last.start(), e.isAfter(last.end()) ? e : last.end(), last.playbackUri()));
            } else {
                out.add(new Match(s, e, m.playbackUri()));
            }
        }
        return out;
    }

    private static Document document(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return b.parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new MalformedAnswer("malformed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String status(Element root) {
        return String.join(" ", text(root, "statusCode").orElse("?"), text(root, "statusString").orElse(""),
                text(root, "subStatusCode").orElse("")).trim();
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static Optional<String> text(Element parent, String name) {
        NodeList l = parent.getElementsByTagNameNS("*", name);
        return l.getLength() == 0 ? Optional.empty() : Optional.of(l.item(0).getTextContent().trim());
    }

    private static Instant time(Element span, String name) {
        String t = text(span, name).orElseThrow(() -> new MalformedAnswer("timeSpan without " + name, null));
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedAnswer("timeSpan " + name + " '" + t + "' is not an ISO time", e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
