package io.offsite.devices;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code ANPR/pictureInfoList/pictureInfo} entry: which picture of the multipart body belongs to the read
 * ({@link IsapiMessage#pictureFor(AnprPicture)}) and where the plate is in it.
 *
 * @param fileName  {@code fileName}, the part name of the picture ({@code licensePlatePicture.jpg}), when sent
 * @param type      {@code type} ({@code licensePlatePicture}, {@code vehiclePicture}, {@code detectionPicture}), when sent
 * @param pictureId {@code pId}, when sent
 * @param absTime   {@code absTime} as sent (device local time {@code yyyyMMddHHmmssSSS}, no offset), when sent
 * @param plateRect {@code plateRect} in the picture, on the 0..1000 grid; empty when absent or all zero
 */
public record AnprPicture(Optional<String> fileName, Optional<String> type, Optional<String> pictureId,
        Optional<String> absTime, Optional<ImageBox> plateRect) {
    public AnprPicture {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(pictureId, "pictureId");
        Objects.requireNonNull(absTime, "absTime");
        Objects.requireNonNull(plateRect, "plateRect");
    }
}
