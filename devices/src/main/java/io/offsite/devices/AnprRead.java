package io.offsite.devices;

import io.offsite.core.InvalidValueException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The {@code ANPR} block of an alert: the plate the camera read and what it saw of the vehicle. Strings are kept as
 * the device sent them (vocabularies differ between firmware versions); elements not named here stay in
 * {@link IsapiAlert#extra()}.
 *
 * @param licensePlate {@code licensePlate}; empty when the camera read no plate ({@code unknown}, {@code 无车牌} or blank)
 * @param confidence   {@code confidenceLevel} (0..100 on the wire) as 0..1, when sent
 * @param plateColor   {@code plateColor} ({@code blue}, {@code yellow}, {@code green}, ...), when sent
 * @param plateType    {@code plateType}, when sent
 * @param vehicleType  {@code vehicleType} ({@code vehicle}, {@code SUVMPV}, ...), when sent
 * @param direction    {@code direction} ({@code forward}, {@code reverse}, {@code unknown}), when sent
 * @param country      {@code country} (device country index), when sent
 * @param line         {@code line} (lane number), when sent
 * @param pictures     {@code pictureInfoList}, in order
 */
public record AnprRead(Optional<String> licensePlate, OptionalDouble confidence, Optional<String> plateColor,
        Optional<String> plateType, Optional<String> vehicleType, Optional<String> direction,
        Optional<String> country, OptionalInt line, List<AnprPicture> pictures) {
    public AnprRead {
        Objects.requireNonNull(licensePlate, "licensePlate");
        Objects.requireNonNull(confidence, "confidence");
        if (confidence.isPresent() && !(confidence.getAsDouble() >= 0 && confidence.getAsDouble() <= 1)) {
            throw new InvalidValueException("confidence must be within [0, 1], was " + confidence.getAsDouble());
        }
        Objects.requireNonNull(plateColor, "plateColor");
        Objects.requireNonNull(plateType, "plateType");
        Objects.requireNonNull(vehicleType, "vehicleType");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(line, "line");
        pictures = List.copyOf(pictures);
    }
}
