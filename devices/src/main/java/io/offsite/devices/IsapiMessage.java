package io.offsite.devices;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one HTTP push from an ISAPI device carried: the alert and, for a multipart body, its pictures in body order.
 *
 * @param alert    the {@code EventNotificationAlert}
 * @param xmlPart  index of the XML part in a multipart body, or -1 when the body was the XML alone
 * @param pictures the picture parts, in body order (empty for an XML-only body)
 */
public record IsapiMessage(IsapiAlert alert, int xmlPart, List<Picture> pictures) {
    public IsapiMessage {
        Objects.requireNonNull(alert, "alert");
        pictures = List.copyOf(pictures);
    }

    /**
     * The picture an ANPR {@code pictureInfo} refers to: the first part whose name, filename or Content-ID equals the
     * entry's {@code fileName}, else its {@code pId}.
     */
    public Optional<Picture> pictureFor(AnprPicture info) {
        Objects.requireNonNull(info, "info");
        for (Optional<String> id : List.of(info.fileName(), info.pictureId())) {
            if (id.isPresent()) {
                for (Picture p : pictures) {
                    if (p.isNamed(id.get())) {
                        return Optional.of(p);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The first picture whose name, filename or Content-ID is {@code id}. */
    public Optional<Picture> picture(String id) {
        Objects.requireNonNull(id, "id");
        return pictures.stream().filter(p -> p.isNamed(id)).findFirst();
    }
}
